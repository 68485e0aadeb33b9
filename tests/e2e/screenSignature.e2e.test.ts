/// <reference lib="dom" />
// « Signature sur l'écran » as an animator does it: choose the method, the app asks for the
// person's signature, saving without it is refused by name, the person signs with the mouse,
// the agreement is saved with the signature, and its proof shows the signature.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/apiServer';
import { ARTIFACTS_DIR, builtRendererDir, launchChromium } from '../helpers/browser';

let server: TestServer;
let browser: Browser;
let page: Page;
let karim: number;

beforeAll(async () => {
  server = await startTestServer(builtRendererDir());
  const projectId = (await server.call('projects.create', { name: 'Paroles d’employeurs', kind: 'testimony-campaign' })).json.result.id;
  karim = (await server.call('people.add', { projectId, displayName: 'Karim Haddad', role: 'employer' })).json.result.id;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR' });
});

afterAll(async () => {
  await browser?.close();
});

describe('signing an agreement on the screen', () => {
  it('asks for the signature, refuses without it, keeps the one drawn with the mouse and shows it in the proof', async () => {
    await page.goto(`${server.url}#/people/${karim}/consent`);
    await page.getByRole('heading', { level: 1, name: 'Karim Haddad' }).waitFor();
    const card = page.getByRole('group', { name: 'Élus', exact: true });
    await card.getByText('Accordé', { exact: true }).click();
    await card.getByLabel('Comment ?').selectOption('on-screen-signature');
    const pads = page.getByRole('region', { name: 'Signatures à l’écran' });
    await pads.waitFor();
    const save = page.locator('.save-bar').getByRole('button', { name: 'Enregistrer', exact: true });
    await save.click();
    await expect.poll(() => pads.getByRole('alert').innerText()).toMatch(/Il manque la signature de : Karim Haddad/);
    expect(
      (await server.call('consent.show', { personId: karim })).json.result.scopes.find((s: { scope: string }) => s.scope === 'elected')
        .status,
    ).toBe('pending');

    // sign: a stroke with the mouse across the box
    const canvas = pads.getByRole('img', { name: /Cadre de signature de Karim Haddad/ });
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.6);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++)
      await page.mouse.move(box.x + box.width * (0.1 + 0.06 * i), box.y + box.height * (0.6 - 0.3 * Math.sin(i)));
    await page.mouse.up();
    await expect.poll(() => pads.innerText()).toContain('Signé ✓');
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await pads.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-screen-signature-1366.png') });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await pads.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-screen-signature-1920.png') });
    await page.setViewportSize({ width: 1366, height: 768 });
    await save.click();
    await page.getByRole('status').filter({ hasText: 'Enregistré' }).first().waitFor();

    const saved = (await server.call('consent.show', { personId: karim })).json.result.scopes.find(
      (s: { scope: string }) => s.scope === 'elected',
    );
    expect(saved).toMatchObject({ status: 'granted', method: 'on-screen-signature' });
    expect(saved.screenSignatures).toHaveLength(1);
    const png = Buffer.from(saved.screenSignatures[0].image.replace(/^data:image\/png;base64,/, ''), 'base64');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(500); // a drawn stroke, not an empty box

    // the proof shows it; the pads are gone (nothing left to sign)
    expect(await page.getByRole('region', { name: 'Signatures à l’écran' }).count()).toBe(0);
    const proof = page.getByRole('group', { name: 'Élus', exact: true });
    await proof.getByText('Preuve du consentement').click();
    const shown = proof.getByRole('img', { name: /^Signature de / });
    await shown.waitFor();
    expect(await shown.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(600);
  });
});
