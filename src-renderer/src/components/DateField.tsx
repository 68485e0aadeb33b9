/**
 * A day typed and shown as JJ/MM/AAAA whatever the browser's language (a date picker
 * follows the browser's locale: an English Chromium asks for MM/DD/YYYY). The value given
 * and returned stays YYYY-MM-DD, as the API wants it; '' is an empty field. A day that
 * does not exist says so under the field, in French, with an example of what to type.
 */
import { useEffect, useState, type InputHTMLAttributes } from 'react';
import { frenchShortDate, parseFrenchDate } from '../../../src-shared/frenchDate';
import { useI18n } from '../i18n/i18n';
import { focusIfFirstInvalid, OWN_MESSAGE_ATTRIBUTE } from './fieldMessages';

type NativeProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type' | 'min' | 'max'>;

export function DateField({
  value,
  onChange,
  min,
  max,
  ...props
}: NativeProps & {
  id: string;
  /** YYYY-MM-DD or '' */
  value: string;
  /** A real day as YYYY-MM-DD, '' when emptied; `valid` is false while the text typed is not a day. */
  onChange(value: string, valid: boolean): void;
  min?: string;
  max?: string;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(() => (value ? frenchShortDate(value) : ''));
  const [problem, setProblem] = useState<string | null>(null);

  // a value changed from outside (a reset, "today") shows as typed
  useEffect(() => {
    setText((current) =>
      parseFrenchDate(current) === value || (current === '' && value === '') ? current : value ? frenchShortDate(value) : '',
    );
  }, [value]);

  function check(typed: string): { iso: string; problem: string | null } {
    if (typed.trim() === '') return { iso: '', problem: props.required ? t('date.required') : null };
    const iso = parseFrenchDate(typed);
    if (!iso) return { iso: '', problem: t('date.invalid') };
    if (max && iso > max) return { iso, problem: t('date.tooLate', { date: frenchShortDate(max) }) };
    if (min && iso < min) return { iso, problem: t('date.tooEarly', { date: frenchShortDate(min) }) };
    return { iso, problem: null };
  }

  const errorId = `${props.id}-date-error`;
  return (
    <>
      <input
        {...props}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={t('date.placeholder')}
        maxLength={10}
        value={text}
        aria-invalid={problem ? true : undefined}
        {...{ [OWN_MESSAGE_ATTRIBUTE]: '' }}
        onInvalid={(event) => {
          // a required date left empty: our own message, never the browser's bubble
          event.preventDefault();
          setProblem(check(text).problem ?? t('date.required'));
          focusIfFirstInvalid(event.currentTarget);
        }}
        aria-describedby={[props['aria-describedby'], problem ? errorId : null].filter(Boolean).join(' ') || undefined}
        onChange={(event) => {
          const typed = event.target.value;
          setText(typed);
          const result = check(typed);
          if (!result.problem) setProblem(null);
          onChange(result.problem ? value : result.iso, result.problem === null);
        }}
        onBlur={(event) => {
          const result = check(text);
          // leaving for the submit button: the message would push the button away from under the
          // pointer and swallow the click; the form names the problem when it refuses to submit
          const toSubmit = event.relatedTarget instanceof HTMLButtonElement && event.relatedTarget.type === 'submit';
          if (!toSubmit || !result.problem) setProblem(result.problem);
          if (!result.problem && result.iso) setText(frenchShortDate(result.iso));
          props.onBlur?.(event);
        }}
      />
      {problem && (
        <span className="field-error" id={errorId} role="alert">
          {problem}
        </span>
      )}
    </>
  );
}
