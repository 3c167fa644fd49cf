// tests/lighthouse/a11y.mjs - Lighthouse's accessibility audit of several
// pages in one Node process and one Chromium, for
// tests/integration/test_accessibility.sh:
//
//   node a11y.mjs MODULES CHROMIUM OUTDIR FORM-FACTOR PAGES-JSON
//
// MODULES is the node_modules directory scripts/lighthouse installed,
// FORM-FACTOR mobile or desktop (the lighthouse command's --preset=desktop),
// PAGES-JSON an array of {name, url, headers, shift} (headers: extra
// request headers, e.g. the session cookie, or null; shift: true to audit
// the page's layout shift too: Lighthouse's cumulative-layout-shift and
// layout-shifts audits).
//
// Why not the lighthouse command once a page: each run would start Node,
// load Lighthouse and launch a Chromium again. Here Chromium is launched
// once with the command's own launcher and flags, and each page gets what
// the command gives it: Lighthouse's navigation in a fresh tab, with the
// origin's storage and the browser's cache cleared first, the same config
// (default or desktop) and --only-categories=accessibility. So a score here
// is the command's score.
//
// Writes OUTDIR/NAME-FORM-FACTOR.json (the report, as --output=json does)
// and OUTDIR/NAME-FORM-FACTOR.log (the run's error, if any) per page and
// prints "NAME FORM-FACTOR SCORE SECONDS" lines (and on stderr, into the
// same log, each spoilt run that was run again). Exits 0 once every page
// was tried: judging the scores is the test's business.
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';

const [modules, chromium, outdir, formFactor, pagesJson] = process.argv.slice(2);
if (!pagesJson || !['mobile', 'desktop'].includes(formFactor)) {
	console.error('usage: node a11y.mjs MODULES CHROMIUM OUTDIR mobile|desktop PAGES-JSON');
	process.exit(2);
}
const load = async (p) => (await import(pathToFileURL(join(modules, p)).href)).default;
const lighthouse = await load('lighthouse/core/index.js');
const config = formFactor === 'desktop' ? await load('lighthouse/core/config/desktop-config.js') : undefined;
const {launch} = await import(pathToFileURL(join(modules, 'chrome-launcher/dist/index.js')).href);

const chrome = await launch({
	chromePath: chromium,
	chromeFlags: ['--headless=new', '--no-sandbox', '--ignore-certificate-errors', '--disable-gpu'],
	logLevel: 'silent',
});
try {
	for (const page of JSON.parse(pagesJson)) {
		const base = join(outdir, `${page.name}-${formFactor}`);
		const t0 = Date.now();
		let score = 'none';
		let error = '';
		// A run Lighthouse itself calls spoilt ("Please run Lighthouse
		// again", e.g. NO_NAVSTART: Chromium's trace missed the navigation,
		// so the layout-shift audit has no value) is run again, at most
		// twice, as bench/lighthouse does; a third one is reported.
		for (let attempt = 1; attempt <= 3; attempt++) {
			score = 'none';
			error = '';
			try {
				const result = await lighthouse(page.url, {
					port: chrome.port,
					output: 'json',
					logLevel: 'silent',
					onlyCategories: ['accessibility'],
					...(page.shift ? {onlyAudits: ['cumulative-layout-shift', 'layout-shifts']} : {}),
					...(page.headers ? {extraHeaders: page.headers} : {}),
				}, config);
				writeFileSync(`${base}.json`, result.report);
				const s = result.lhr.categories.accessibility?.score;
				if (s !== null && s !== undefined) score = String(Math.round(s * 100));
				if (result.lhr.runtimeError) error = `Runtime error encountered: ${result.lhr.runtimeError.message}`;
			} catch (e) {
				error = `Lighthouse failed: ${e.friendlyMessage || e.message}`;
			}
			if (attempt === 3 || !error.includes('Please run Lighthouse again')) break;
			console.error(`${page.name} ${formFactor}: run ${attempt} spoilt, running it again: ${error}`);
		}
		writeFileSync(`${base}.log`, error ? `${error}\n` : '');
		console.log(`${page.name} ${formFactor} ${score} ${((Date.now() - t0) / 1000).toFixed(1)}`);
	}
} finally {
	chrome.kill();
}
