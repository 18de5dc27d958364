import type { SettingsFinding, SettingsFindingCode, SettingsFindingParams } from './findings';

type Render = (p: SettingsFindingParams) => string;

const MESSAGES = {
  'not-settings-workbook': () =>
    'Filen är inte en inställningsarbetsbok från Samlad. Hämta arbetsboken under Inställningar, ' +
    'ändra i den och ladda upp den.',
  'unsupported-format': (p) => `Filen är gjord av en annan version av Samlad (${p.format}). Hämta arbetsboken på nytt.`,
  'wrong-forbund': (p) =>
    `Filen gäller förbundet ${p.file}, inte ${p.expected}. Hämta inställningarna för rätt förbund.`,
  'wrong-year': (p) => `Filen gäller ${p.file}, inte ${p.expected}. Hämta inställningarna för rätt år.`,
  'unknown-base': (p) =>
    `Filen säger att den bygger på version ${p.version}, som inte finns; ändringarna jämförs med den ` +
    'aktiva versionen.',
  'name-missing': (p) =>
    `Arbetsboken saknar området för ”${p.label}” (namnet ${p.name}). Hämta arbetsboken på nytt och för in ` +
    'ändringarna i den.',
  'headers-changed': (p) =>
    `Här ska kolumnen ”${p.column}” stå, men cellen innehåller ”${p.found}”. Flytta eller infoga inte ` +
    'kolumner i tabellen; hämta arbetsboken på nytt om den har ändrats.',
  required: (p) => `${p.label} måste fyllas i.`,
  'not-a-number': (p) => `${p.label} ska vara ett tal, inte text (”${p.value}”).`,
  'not-an-integer': (p) => `${p.label} ska vara ett heltal (fick ${p.value}).`,
  'below-min': (p) => `${p.label} får inte vara mindre än ${p.min} (fick ${p.value}).`,
  'above-max': (p) => `${p.label} får inte vara större än ${p.max} (fick ${p.value}).`,
  'not-a-choice': (p) => `${p.label}: ”${p.value}” är inte ett av valen (${p.choices}).`,
  'not-yes-no': (p) => `${p.label} ska vara Ja eller Nej (fick ”${p.value}”).`,
  'not-a-date': (p) => `${p.label} ska vara ett datum skrivet ÅÅÅÅ-MM-DD (fick ”${p.value}”).`,
  'invalid-text': (p) => `${p.label}: ”${p.value}” går inte att använda. ${p.reason}.`,
  'formula-without-result': (p) =>
    `${p.label} är en formel (=${p.formula}) utan sparat resultat. Skriv in värdet, eller öppna och spara ` +
    'filen i Excel.',
  'error-value': (p) => `${p.label} visar felet ${p.error}. Rätta cellen.`,
  'duplicate-id': (p) => `Id ”${p.id}” används redan i ${p.first}. Varje rad behöver ett eget id.`,
  'kommun-without-kommunkod': (p) => `Kommunen ${p.name} saknar kommunkod (fyra siffror, t.ex. 2480).`,
  'share-not-kommun': (p) => `Befolkningsandel anges bara för kommuner; ${p.name} är ingen kommun.`,
  'share-missing': (p) => `Kommunen ${p.name} saknar befolkningsandel, fast andra kommuner har en.`,
  'shares-total': (p) => `Kommunernas befolkningsandelar summerar till ${p.total} %, men ska bli 100 %.`,
  'unknown-party': (p) => `${p.label}: det finns ingen part med id ”${p.id}” i bladet Parter och kommuner.`,
  'unknown-platform': (p) => `Det finns ingen plattform med id ”${p.id}” i bladet Plattformar.`,
  'unknown-template': (p) => `Det finns ingen mall med id ”${p.id}”. Välj bland mallarna i listan.`,
  'template-other-forbund': (p) => `Mallen ”${p.id}” är gjord för ett annat förbund.`,
  'no-templates': () => 'Välj minst en mall (Används = Ja).',
  'unknown-figure': (p) => `Samlad känner inte till måttet ”${p.key}” för det här förbundet och året.`,
  'impactindex-target-missing': () => 'Ange målet för Impactindex när året har en social budget.',
  'unknown-area': (p) => `Det finns inget målområde med id ”${p.id}” i bladet Målområden.`,
  'weights-off': (p) =>
    `Indikatorernas vikter i målområdet ${p.area} summerar till ${p.sum}, men ska vara ${p.points} ± 5 % ` +
    `(${p.low}–${p.high}).`,
  'unknown-formula': (p) => `Källan går inte att beräkna: ${p.detail}`,
  'target-value-missing': () => 'Ange målvärdet när målet är ≥ eller ≤ ett värde.',
  rule: (p) => `${p.message}.`,
  'scope-in-use': (p) =>
    `${p.kind} ${p.name} (${p.id}) har ${p.count} inlämningar för ${p.year} men saknas nu. Ta inte bort ` +
    'den så länge det finns inlämningar för året; ta bort den från nästa års inställningar i stället.',
  'template-in-use': (p) =>
    `Mallen ”${p.id}” har ${p.count} inlämningar för ${p.year} men används inte längre. Behåll den för ` +
    'året; välj bort den från nästa år i stället.',
  invalid: (p) => `${p.message}.`.replace(/\.\.$/, '.'),
} satisfies Record<SettingsFindingCode, Render>;

/** A settings finding in Swedish, for the API's answer and the pane. */
export function renderSettingsFinding(finding: Pick<SettingsFinding, 'code' | 'params'>): string {
  return MESSAGES[finding.code](finding.params);
}
