// Codes of a TOTP authenticator for the tests that sign in as staff (e2e and HTTP), computed by otplib at
// the real time. The portal refuses a code whose time step it already accepted for that person, so each
// call gives a step not used yet for `who`: from the oldest one still accepted (one step back) to one step
// ahead, and waits for the next step only when all three are spent.
import { generate } from "otplib";

const STEP_SECONDS = 30;
const lastSteps = new Map<string, number>();

export async function freshTotpCode(who: string, secret: string): Promise<string> {
  for (;;) {
    const seconds = Date.now() / 1000;
    const current = Math.floor(seconds / STEP_SECONDS);
    // The step behind is accepted only while the server's clock is still in the current step.
    const closeToNext = (current + 1) * STEP_SECONDS - seconds < 3;
    const earliest = closeToNext ? current : current - 1;
    const step = Math.max(earliest, (lastSteps.get(who) ?? -Infinity) + 1);
    if (step <= current + 1) {
      lastSteps.set(who, step);
      return generate({ secret, epoch: step * STEP_SECONDS });
    }
    await new Promise((resolve) => setTimeout(resolve, ((current + 1) * STEP_SECONDS - seconds) * 1000 + 50));
  }
}
