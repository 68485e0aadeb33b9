/**
 * Every message and hint an AppError carries reaches a French animator (the app's banner,
 * the CLI's stderr, a job's failure in the tray), so none may be written in English. This
 * walks src-main and src-shared, reads each `new AppError(code, message, { hint })` with the
 * TypeScript parser, and fails on a literal that looks English (a small list of common
 * English words). What may stay English must be listed below with the reason.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const FOLDERS = ['src-main', 'src-shared'];

/** Words and openings that give an English sentence away (French messages never use them). */
const ENGLISH =
  /(^|[\s(«"'])(the|this|these|is not|are not|must|cannot|can ?not|could not|does not|do not|did not|was|were|has no|have no|with id|no such|already|failed|cancelled|please|first|before|after|instead|missing|found|check|choose|try again|should|would|there is|unknown|invalid|expected|only|not a|not an|has|have|above|below|and|write|give|line)(?=[\s.,:;!?)»"']|$)/i;

/**
 * `file:text` of the literals that may stay English, with why. Empty today: every message,
 * internal ones included, is French (an `internal` error is shown in the banner too).
 */
const ALLOWED_ENGLISH: ReadonlyArray<{ where: string; why: string }> = [];

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The literal text of an expression (strings, template parts, both branches of a ?:, concatenations). */
function literalTexts(node: ts.Node): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].filter(Boolean);
  if (ts.isConditionalExpression(node)) return [...literalTexts(node.whenTrue), ...literalTexts(node.whenFalse)];
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken)
    return [...literalTexts(node.left), ...literalTexts(node.right)];
  if (ts.isParenthesizedExpression(node)) return literalTexts(node.expression);
  return [];
}

interface Found {
  where: string;
  text: string;
}

function appErrorTexts(file: string): Found[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Found[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && node.expression.getText(source) === 'AppError') {
      const [, message, options] = node.arguments ?? [];
      const texts = message ? literalTexts(message) : [];
      if (options && ts.isObjectLiteralExpression(options)) {
        for (const property of options.properties) {
          if (ts.isPropertyAssignment(property) && property.name.getText(source) === 'hint')
            texts.push(...literalTexts(property.initializer));
        }
      }
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      for (const text of texts) found.push({ where: `${path.relative(ROOT, file)}:${line}`, text });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const allTexts = FOLDERS.flatMap((folder) => sourceFiles(path.join(ROOT, folder))).flatMap(appErrorTexts);

describe('AppError messages and hints are French', () => {
  it('finds the messages it checks (the walk is not empty)', () => {
    expect(allTexts.length).toBeGreaterThan(200);
  });

  it('the heuristic tells an English sentence from a French one', () => {
    for (const english of [
      'This clip’s recording has no picture to take stills from.',
      'No clip with id ',
      'The file ',
      'Check the path and try again.',
      ' is not a file.',
      'Cancelled before it started.',
      'Choose a new folder name: a pack never overwrites files.',
      '" has minutes or seconds above 59.',
    ]) {
      expect(ENGLISH.test(english), english).toBe(true);
    }
    for (const french of [
      'La vidéo de cet extrait n’a pas d’image (son seul) : il n’y a pas d’image à regarder.',
      'Aucun extrait n’a le numéro ',
      'Vérifiez le chemin, puis recommencez.',
      'Le fichier est vide (0 octet) : rien n’a été envoyé.',
      'Choisissez un nouveau nom de dossier : un pack ne remplace jamais un fichier.',
      'Annulé avant de commencer.',
    ]) {
      expect(ENGLISH.test(french), french).toBe(false);
    }
  });

  it('no message or hint literal in src-main or src-shared looks English (outside the allow-list)', () => {
    const allowed = (found: Found) => ALLOWED_ENGLISH.some((entry) => `${found.where.split(':')[0]}:${found.text}`.startsWith(entry.where));
    const english = allTexts.filter((found) => ENGLISH.test(found.text) && !allowed(found));
    expect(english.map((found) => `${found.where} ${JSON.stringify(found.text)}`)).toEqual([]);
  });
});
