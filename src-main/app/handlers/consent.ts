/** Consent records, checks, the dashboard, the printable form, and erasure (privacy/erasure). */
import { writeConsentForm } from '../../consent/consentForm';
import type { HandlerTable } from './handlerTable';

export const consentHandlers = {
  'consent.show': (input, ctx) => ctx.consent.show(input.personId),
  'consent.set': (input, ctx) => ctx.consent.set(input),
  'consent.attachEvidence': (input, ctx) => ctx.consent.attachEvidence(input),
  'consent.addGuardian': (input, ctx) =>
    ctx.consent.addGuardian(
      input.personId,
      {
        name: input.name,
        relationship: input.relationship,
        capacity: input.capacity,
        soleHolderReason: input.soleHolderReason,
        soleHolderDetail: input.soleHolderDetail,
      },
      input.actor,
    ),
  'consent.check': (input, ctx) => ctx.consent.check(input.recordingId, input.audience, input.on),
  'consent.dashboard': (input, ctx) => ctx.consent.dashboard(input.projectId, input.on, input.expiringWithinDays),
  'consent.form': (input, ctx) => writeConsentForm(ctx.library, ctx.consent.show(input.personId)),
  'people.erase': (input, ctx) =>
    ctx.erasure.erase(input.personId, {
      actor: input.actor,
      reason: input.reason,
      redactMentions: input.redactMentions,
      deleteExternalCopies: input.deleteExternalCopies,
    }),
  'people.erasurePlan': (input, ctx) => ctx.erasure.plan(input.personId),
  'privacy.finishErasure': (_input, ctx) => ctx.erasure.finish(),
  'consent.updateGuardian': (input, ctx) => ctx.consent.updateGuardian(input),
  'consent.removeGuardian': async (input, ctx) => {
    const shown = ctx.consent.removeGuardian(input);
    await ctx.erasure.finish(); // the name leaves the WAL and the free pages too
    return shown;
  },
  'consent.setEmancipation': (input, ctx) => ctx.consent.setEmancipation(input),
  'consent.setMany': (input, ctx) => ctx.consent.setMany(input),
} satisfies HandlerTable;
