import { DateTime } from 'luxon';
import { ZONE } from '../../../../contracts/iso-week.ts';
import { CATCH_UP_PACE, WEEKLY_AT_RISK, WEEKLY_ON_TRACK } from '../progress/progress.ts';
import { html, type Safe } from './html.ts';
import { formatDateSv, STATUS_SV, termSv, weekSv } from './labels.ts';
import type { PublicFollowUp, PublicPromiseDetail } from './public.service.ts';

/**
 * The public follow-up page: plain HTML rendered on the server, readable without JavaScript and
 * on a phone, built for WCAG 2.1 AA (lang, landmarks, one h1 and ordered headings, text labels
 * beside every colour, contrast at least 4.5:1, visible focus).
 */
const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:#1b1f24;background:#f6f7f9}
a{color:#0b4f8a}
a:focus,summary:focus{outline:3px solid #b35c00;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:8px}
header{background:#123d63;color:#fff;padding:1rem}
header p{margin:0.2rem 0 0;color:#e6eef6}
main{max-width:860px;margin:0 auto;padding:1rem}
h1{font-size:1.7rem;margin:0}
h2{font-size:1.35rem;margin:2rem 0 0.5rem}
h3{font-size:1.1rem;margin:0 0 0.3rem}
.card{background:#fff;border:1px solid #c9d1db;border-radius:8px;padding:1rem;margin:0 0 1rem}
.status{display:inline-block;font-weight:700;padding:0.1rem 0.6rem;border-radius:999px;border:2px solid currentColor;background:#fff}
.s-done{color:#1d6b34}.s-on-track{color:#1d6b34}.s-at-risk{color:#8a4b00}.s-behind{color:#a1261c}.s-not-started{color:#4a5360}
.bar{height:0.8rem;background:#e3e8ee;border-radius:4px;overflow:hidden;margin:0.4rem 0}
.bar span{display:block;height:100%;background:#1f6fb2}
.muted{color:#4a5360}
.share{white-space:pre-wrap;background:#f0f4f8;border-left:4px solid #123d63;padding:0.6rem 0.8rem}
ul.places{padding-left:1.2rem}
footer{max-width:860px;margin:0 auto;padding:1rem;color:#4a5360}
`;

const fmtInstant = (iso: string | Date) =>
  (typeof iso === 'string' ? DateTime.fromISO(iso) : DateTime.fromJSDate(iso))
    .setZone(ZONE)
    .setLocale('sv')
    .toFormat("d MMMM yyyy 'kl.' HH:mm");

function statusBadge(status: PublicPromiseDetail['status']): Safe {
  return html`<span class="status s-${status}">${STATUS_SV[status]}</span>`;
}

function progressText(p: PublicPromiseDetail): string {
  const { done, target, expectedByNow } = p.progress;
  switch (p.targetKind) {
    case 'recurring':
      return `${done} av ${expectedByNow} veckor hittills har haft insatsen på respektive plats. Hela perioden: ${target} platsveckor.`;
    case 'per-term':
      return `${done} av ${target} genomförda (räknat per termin).`;
    case 'deliverable':
      return p.deliveredOn ? `Klart ${formatDateSv(p.deliveredOn)}.` : 'Inte klart ännu.';
    default:
      return `${done} av ${target} genomförda. Vid jämn takt borde ${expectedByNow} vara gjorda nu.`;
  }
}

function promiseCard(p: PublicPromiseDetail): Safe {
  const share = p.progress.target ? Math.min(100, Math.round((100 * p.progress.done) / p.progress.target)) : 0;
  return html`<article class="card" aria-labelledby="p-${p.id}">
    <h3 id="p-${p.id}">${p.title}</h3>
    <p>${statusBadge(p.status)} <span class="muted">${p.focusAreaName}</span></p>
    <p>${p.description}</p>
    <div class="bar" aria-hidden="true"><span style="width:${share}%"></span></div>
    <p>${progressText(p)}</p>
    ${
      p.places.length
        ? html`<ul class="places">
            ${p.places.map((x) => html`<li>${x.name}: ${x.weeksWithActivity} av ${x.weeksElapsed} veckor${x.missedWeeks.length ? html` – missade veckor: ${x.missedWeeks.map(weekSv).join(', ')}` : ''}</li>`)}
          </ul>`
        : ''
    }
    ${
      p.terms.length
        ? html`<ul class="places">
            ${p.terms.map((t) => html`<li>${termSv(t.term)}: ${t.done} av ${t.target}</li>`)}
          </ul>`
        : ''
    }
    <p class="muted">
      Lämnas av ${p.parties.join(' och ')}. Period ${formatDateSv(p.periodStart)} – ${formatDateSv(p.periodEnd)}.
    </p>
  </article>`;
}

function followUpCard(f: PublicFollowUp): Safe {
  return html`<article class="card" id="uppfoljning-${f.id}" aria-labelledby="f-${f.id}">
    <h3 id="f-${f.id}">${f.title}</h3>
    <p class="muted">
      Läget den ${formatDateSv(f.asOf)}, publicerad ${fmtInstant(f.publishedAt)}. Godkänd av både kommunen och polisen.
    </p>
    <ul>
      ${f.items.map((i) => html`<li><strong>${i.title}</strong>: ${STATUS_SV[i.status]}, ${i.done} av ${i.target}.${i.comment ? html` ${i.comment}` : ''}</li>`)}
    </ul>
    <h4>Kort text att dela</h4>
    <p class="share">${f.socialText}</p>
  </article>`;
}

export function renderPublicPage(data: {
  promises: PublicPromiseDetail[];
  followUps: PublicFollowUp[];
  asOf: Date;
  feedUrl: string;
}): string {
  const years = [...new Set(data.promises.map((p) => p.periodStart.slice(0, 4)))].sort().reverse();
  const body = html`<!doctype html>
    <html lang="sv">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Medborgarlöften – så går det</title>
        <link
          rel="alternate"
          type="application/atom+xml"
          title="Uppföljningar av medborgarlöftena"
          href="${data.feedUrl}"
        />
        <style>
          ${STYLE}
        </style>
      </head>
      <body>
        <a class="skip" href="#innehall">Till innehållet</a>
        <header>
          <p>Polisen och kommunen</p>
          <h1>Medborgarlöften – så går det</h1>
        </header>
        <main id="innehall">
          <p>
            Polisen och kommunen lovar invånarna konkreta insatser för ökad trygghet. Här ser du hur det går. Siffrorna
            räknas fram ur det som faktiskt har gjorts och rapporterats, inte ur bedömningar. Läget
            ${fmtInstant(data.asOf)}.
          </p>
          <details>
            <summary>Så bedöms läget</summary>
            <p>
              <strong>Enligt plan</strong>: minst så mycket är gjort som en jämn takt kräver.
              <strong>Risk att inte nås</strong>: efter takten, men resten går att hinna med högst ${CATCH_UP_PACE}
              gånger den planerade takten. <strong>Efter plan</strong>: längre efter än så, eller perioden är slut och
              målet inte nått. För löften om insatser varje vecka räknas den svagaste platsen: minst
              ${Math.round(WEEKLY_ON_TRACK * 100)} % av veckorna är enligt plan, minst
              ${Math.round(WEEKLY_AT_RISK * 100)} % är risk. Pågående vecka räknas först när den är klar eller har haft
              en insats.
            </p>
          </details>
          <section aria-labelledby="uppfoljningar">
            <h2 id="uppfoljningar">Publicerade uppföljningar</h2>
            ${data.followUps.length ? data.followUps.map(followUpCard) : html`<p>Ingen uppföljning är publicerad ännu.</p>`}
            <p><a href="${data.feedUrl}">Prenumerera på uppföljningarna (Atom-flöde)</a></p>
          </section>
          ${years.map(
            (year) =>
              html`<section aria-labelledby="ar-${year}">
                <h2 id="ar-${year}">Löften ${year}</h2>
                ${data.promises.filter((p) => p.periodStart.startsWith(year)).map(promiseCard)}
              </section>`,
          )}
        </main>
        <footer>
          <p>
            Sidan visar alla medborgarlöften och deras uppföljningar. Uppgifterna uppdateras när polisen och kommunen
            rapporterar genomförda insatser.
          </p>
        </footer>
      </body>
    </html>`;
  return body.html;
}
