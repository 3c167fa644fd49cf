-- 036: plans are stored in their stored form (lib/plan_stored.h): the
-- request, each dish's template and each ingredient's NDB number and grams,
-- 2-3 kB, where the whole document (70 kB for a week: totals, receipts,
-- recipes, measures, the shopping list, all computed from those) was
-- compressed and TOASTed at every insert: half of PostgreSQL's CPU per
-- plan and 25 of the 27 kB of WAL it wrote (issue 14, docs/scaling.md).
-- Readers expand the stored form with the catalog; a row written before
-- this migration keeps its document and is served as it was stored.
--
-- The column keeps its name (every reader selects it); no row is
-- rewritten. STORAGE MAIN keeps a stored form, compressed, in the row
-- itself rather than in the TOAST table (no TOAST insert or index entry).
-- The request too: a row a little over 2 kB (TOAST's target) otherwise
-- had its request moved to the TOAST table to fit, which was half the
-- rows of a seeded database (bench/seed: 62 MB of TOAST for 1,000,000
-- plans), where compressing the stored form in the row makes it fit.
COMMENT ON COLUMN plans.document IS
	'The plan: its stored form {"stored":1,...} (lib/plan_stored.h), or '
	'for rows written before sql/036 the whole plan document.';
COMMENT ON COLUMN plan_revisions.document IS
	'As plans.document, of the revision this row keeps.';
ALTER TABLE plans ALTER COLUMN document SET STORAGE MAIN;
ALTER TABLE plans ALTER COLUMN request SET STORAGE MAIN;
ALTER TABLE plan_revisions ALTER COLUMN document SET STORAGE MAIN;

-- The renderer expands a stored plan into its document, which needs the
-- catalog the responders read (sql/018).
GRANT SELECT ON food_groups, food_group_prefixes, nutrients, foods,
	food_nutrients, food_measures, catalog_ingredients, meal_templates,
	meal_template_items, meal_template_diets
	TO cibozer_render;
