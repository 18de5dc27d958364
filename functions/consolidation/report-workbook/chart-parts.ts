import type { RenderedChart } from './render-sheet';

/**
 * Native Excel charts as DrawingML parts (`xl/charts/chartN.xml`, a drawing per sheet and their
 * relationships), written beside exceljs' output, which cannot write charts. Each chart refers to
 * its data block on the sheet and carries a cache of the values, so Excel and LibreOffice draw it
 * on opening and a reader who changes nothing sees the report's own figures; the figures stay
 * data in the cells. A clustered column chart, one series per period, a target as a line.
 */

const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
};
export const CHART_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
export const DRAWING_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';
export const DRAWING_RELATIONSHIP = `${NS.r}/drawing`;
const CHART_RELATIONSHIP = `${NS.r}/chart`;

/** This year dark blue, last year grey, the target red: readable in black and white too. */
const SERIES_COLOURS = ['1F4E79', 'A6A6A6', '5B9BD5', '70AD47'];
const TARGET_COLOUR = 'C00000';

export function escapeXml(value: string): string {
  // Names and addresses rarely hold anything to escape: skip the replacements then.
  if (!/[&<>"\u0000-\u001f]/.test(value)) return value;
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

const run = (text: string, size: number, bold = false) =>
  `<a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr><a:r>` +
  `<a:rPr lang="sv-SE" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${escapeXml(text)}</a:t></a:r></a:p>`;
const textProperties = (size: number) =>
  `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"><a:latin typeface="Calibri"/></a:defRPr>` +
  `</a:pPr><a:endParaRPr lang="sv-SE"/></a:p></c:txPr>`;
const solid = (colour: string) => `<a:solidFill><a:srgbClr val="${colour}"/></a:solidFill>`;

function stringCache(values: readonly string[]): string {
  const points = values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v)}</c:v></c:pt>`).join('');
  return `<c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache>`;
}

function numberCache(values: readonly (number | null)[], format: string): string {
  const points = values
    .map((v, i) => (v === null || !Number.isFinite(v) ? '' : `<c:pt idx="${i}"><c:v>${String(v)}</c:v></c:pt>`))
    .join('');
  return (
    `<c:numCache><c:formatCode>${escapeXml(format)}</c:formatCode>` +
    `<c:ptCount val="${values.length}"/>${points}</c:numCache>`
  );
}

const AXIS = { category: 500100, value: 500200 };

/** One chart part. */
export function chartXml(chart: RenderedChart): string {
  const { spec } = chart;
  const format = spec.unit === '%' ? '0.0" %"' : '0.0';
  const categories =
    `<c:cat><c:strRef>` +
    `<c:f>${escapeXml(chart.categories.ref)}</c:f>${stringCache(chart.categories.labels)}</c:strRef></c:cat>`;
  const labels =
    `<c:dLbls><c:numFmt formatCode="${escapeXml(format)}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln>` +
    `<a:noFill/></a:ln></c:spPr>${textProperties(800)}<c:showLegendKey val="0"/><c:showVal val="1"/>` +
    `<c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`;
  const bars = chart.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:strRef>` +
        `<c:f>${escapeXml(s.nameRef)}</c:f>${stringCache([s.name])}</c:strRef></c:tx>` +
        `<c:spPr>${solid(SERIES_COLOURS[i % SERIES_COLOURS.length]!)}</c:spPr>` +
        `<c:invertIfNegative val="0"/>${labels}${categories}<c:val><c:numRef>` +
        `<c:f>${escapeXml(s.ref)}</c:f>${numberCache(s.values, format)}</c:numRef></c:val></c:ser>`,
    )
    .join('');
  const line = chart.target;
  const target = line
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/><c:ser><c:idx val="${chart.series.length}"/>` +
      `<c:order val="${chart.series.length}"/><c:tx><c:strRef>` +
      `<c:f>${escapeXml(line.nameRef)}</c:f>${stringCache([line.name])}</c:strRef></c:tx><c:spPr>` +
      `<a:ln w="22225">${solid(TARGET_COLOUR)}<a:prstDash val="dash"/></a:ln></c:spPr><c:marker>` +
      `<c:symbol val="none"/></c:marker>${categories}<c:val><c:numRef>` +
      `<c:f>${escapeXml(line.ref)}</c:f>${numberCache(line.values, format)}</c:numRef></c:val><c:smooth val="0"/>` +
      `</c:ser><c:marker val="1"/><c:axId val="${AXIS.category}"/><c:axId val="${AXIS.value}"/></c:lineChart>`
    : '';
  const top = spec.max ?? 100;
  const max = `<c:max val="${top}"/><c:min val="0"/>`;
  const step = top <= 20 ? 5 : top <= 50 ? 10 : 20;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:lang val="sv-SE"/><c:roundedCorners ` +
    `val="0"/>` +
    `<c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/>${run(spec.title, 1200, true)}</c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>` +
    `<c:varyColors val="0"/>${bars}<c:gapWidth val="60"/><c:overlap val="-10"/><c:axId val="${AXIS.category}"/>` +
    `<c:axId val="${AXIS.value}"/></c:barChart>${target}` +
    `<c:catAx><c:axId val="${AXIS.category}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/>${textProperties(900)}<c:crossAx val="${AXIS.value}"/>` +
    `<c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>` +
    `<c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${AXIS.value}"/><c:scaling><c:orientation val="minMax"/>${max}</c:scaling>` +
    `<c:delete val="0"/><c:axPos val="l"/><c:majorGridlines><c:spPr><a:ln w="6350">${solid('D9D9D9')}</a:ln>` +
    `</c:spPr></c:majorGridlines><c:title><c:tx><c:rich><a:bodyPr rot="-5400000" vert="horz"/>` +
    `<a:lstStyle/>${run(spec.unit === '%' ? 'Procent' : 'Index', 900)}</c:rich></c:tx><c:overlay val="0"/>` +
    `</c:title><c:numFmt formatCode="${escapeXml(spec.unit === '%' ? '0" %"' : '0')}" sourceLinked="0"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/>${textProperties(900)}<c:crossAx val="${AXIS.category}"/>` +
    `<c:crosses val="autoZero"/><c:crossBetween val="between"/><c:majorUnit val="${step}"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/>${textProperties(900)}</c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `${textProperties(1000)}</c:chartSpace>`
  );
}

/** The drawing of one sheet: a frame per chart, anchored to cells, pointing at `rId1`… of its rels. */
export function drawingXml(charts: readonly RenderedChart[]): string {
  const anchors = charts
    .map(
      (chart, i) =>
        `<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>${chart.from.column}</xdr:col>` +
        `<xdr:colOff>0</xdr:colOff><xdr:row>${chart.from.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:to><xdr:col>${chart.to.column}</xdr:col><xdr:colOff>0</xdr:colOff>` +
        `<xdr:row>${chart.to.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr>` +
        `<xdr:cNvPr id="${i + 2}" name="Diagram ${i + 1}" descr="${escapeXml(chart.spec.title)}"/>` +
        `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/>` +
        `</xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="rId${i + 1}"/></a:graphicData>` +
        `</a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`,
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" ` +
    `xmlns:a="${NS.a}" xmlns:r="${NS.r}">${anchors}</xdr:wsDr>`
  );
}

export function relationshipsXml(relations: readonly { id: string; type: string; target: string }[]): string {
  const entries = relations
    .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`)
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<Relationships xmlns="${NS.rels}">${entries}</Relationships>`
  );
}

/** The drawing's relationships: rId1… to the chart parts numbered from `firstChart`. */
export function drawingRelationships(count: number, firstChart: number): string {
  return relationshipsXml(
    Array.from({ length: count }, (_, i) => ({
      id: `rId${i + 1}`,
      type: CHART_RELATIONSHIP,
      target: `../charts/chart${firstChart + i}.xml`,
    })),
  );
}
