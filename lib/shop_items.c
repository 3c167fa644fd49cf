/*
 * shop_items.c - what a shop sells for each catalog food. See shop_items.h;
 * docs/planner-rules.md ("Shopping list") gives the sources.
 *
 * Factors (grams bought per gram eaten) come from USDA SR24 pairs of the
 * same food as bought and as eaten: cooking in water or by dry heat adds
 * no energy, so the ratio of their energy per 100 g is the weight ratio,
 * the inverse of USDA's cooking yield (white rice: 130 kcal cooked / 365
 * kcal dry = 0.356 g of dry rice per gram of cooked rice; chicken breast:
 * 165 roasted / 114 raw = 1.45 g raw per gram roasted, a yield of 69 %,
 * as the USDA Table of Cooking Yields for Meat and Poultry gives for
 * roasted breast). Where SR24 has no raw twin (sirloin, flank, eye of
 * round, pork chop, king mackerel) the factor is that of the closest cut
 * that has one. Vegetables that lose water (eggplant, green beans, baked
 * potato) take their ratio; those whose boiled entry weighs more than the
 * raw (carrots, broccoli) count 1, so that one never buys less than one
 * eats. Pack sizes and piece weights are the common ones of European and
 * North American shops; a piece's grams are its edible part (SR24's
 * household measures: a large egg 50 g, a lemon yields 48 g of juice, a
 * medium apple 182 g).
 */
#include "config.h"

#include <string.h>

#include "shop_items.h"

#define PR	CZ_AISLE_PRODUCE
#define MF	CZ_AISLE_MEAT_FISH
#define DE	CZ_AISLE_DAIRY_EGGS
#define CH	CZ_AISLE_CHILLED
#define GB	CZ_AISLE_GRAINS_BAKERY
#define CJ	CZ_AISLE_CANS_JARS
#define ND	CZ_AISLE_NUTS_DRIED_FRUIT
#define OC	CZ_AISLE_OILS_CONDIMENTS
#define SP	CZ_AISLE_SPICES
#define FR	CZ_AISLE_FROZEN

#define PIECE(k, n, a, g, box, basis) \
	{ k, n, a, CZ_BUY_PIECES, g, box, NULL, NULL, \
	  { { 0, NULL }, { 0, NULL } }, basis }
#define PACK(k, n, a, u, us, g, l, basis) \
	{ k, n, a, CZ_BUY_PACKS, 0, 0, u, us, \
	  { { g, l }, { 0, NULL } }, basis }
#define PACK2(k, n, a, u, us, g1, l1, g2, l2, basis) \
	{ k, n, a, CZ_BUY_PACKS, 0, 0, u, us, \
	  { { g1, l1 }, { g2, l2 } }, basis }
#define WEIGHT(k, n, a, basis) \
	{ k, n, a, CZ_BUY_WEIGHT, 0, 0, NULL, NULL, \
	  { { 0, NULL }, { 0, NULL } }, basis }

static const char *const aisle_names[CZ_AISLE__MAX] = {
	"Produce", "Meat & fish", "Dairy & eggs", "Chilled", "Grains & bakery",
	"Cans & jars", "Nuts, seeds & dried fruit", "Oils & condiments",
	"Spices", "Frozen", "Other"
};

/* Sorted by key (cz_shop_product searches it by bisection). */
static const struct cz_shop_product items[] = {
	PACK("almond-butter", "almond butter", ND, "jar", "jars", 250, "250 g", NULL),
	PACK("almonds", "almonds", ND, "bag", "bags", 200, "200 g", NULL),
	PIECE("apple", "apples", PR, 182, 0, NULL),
	PACK("arugula", "arugula (rocket)", PR, "bag", "bags", 100, "100 g", NULL),
	PACK("asparagus", "asparagus", PR, "bunch", "bunches", 300, NULL, "trimmed"),
	PIECE("avocado", "avocados", PR, 201, 0, NULL),
	PACK("avocado-oil", "avocado oil", OC, "bottle", "bottles", 230, "250 ml", NULL),
	PACK("balsamic", "balsamic vinegar", OC, "bottle", "bottles", 265, "250 ml", NULL),
	PIECE("banana", "bananas", PR, 118, 0, NULL),
	PACK("barley", "pearl barley", GB, "bag", "bags", 500, "500 g", "dry"),
	PACK("basil", "fresh basil", PR, "bunch", "bunches", 30, NULL, NULL),
	PACK("beans-black", "black beans", CJ, "can", "cans", 240, "400 g", "drained"),
	PACK("beans-kidney", "red kidney beans", CJ, "can", "cans", 240, "400 g", "drained"),
	PACK("beans-pinto", "pinto beans", CJ, "can", "cans", 240, "400 g", "drained"),
	PACK("beans-white", "white beans", CJ, "can", "cans", 240, "400 g", "drained"),
	WEIGHT("beef-flank", "flank steak", MF, "raw"),
	WEIGHT("beef-mince", "lean ground beef (90 %)", MF, "raw"),
	WEIGHT("beef-roast", "beef eye of round roast", MF, "raw"),
	WEIGHT("beef-sirloin", "sirloin steak", MF, "raw"),
	PIECE("beet", "beets", PR, 82, 0, NULL),
	PACK("blackberries", "blackberries", PR, "punnet", "punnets", 150, "150 g", NULL),
	PACK("blueberries", "blueberries", PR, "punnet", "punnets", 150, "150 g", NULL),
	PACK("bok-choy", "bok choy", PR, "head", "heads", 400, NULL, NULL),
	PACK("brazil-nuts", "Brazil nuts", ND, "bag", "bags", 100, "100 g", NULL),
	PACK("bread-rye", "rye bread", GB, "loaf", "loaves", 500, "500 g", NULL),
	PACK("bread-wholewheat", "whole-wheat bread", GB, "loaf", "loaves", 675, "675 g", NULL),
	PACK("broccoli", "broccoli", PR, "head", "heads", 300, NULL, NULL),
	PACK("brussels-sprouts", "Brussels sprouts", PR, "bag", "bags", 500, "500 g", NULL),
	PACK("buckwheat", "buckwheat groats", GB, "bag", "bags", 500, "500 g", "dry"),
	PACK("bulgur", "bulgur", GB, "bag", "bags", 500, "500 g", "dry"),
	PACK("butter", "unsalted butter", DE, "block", "blocks", 250, "250 g", NULL),
	PIECE("butternut", "butternut squash", PR, 800, 0, NULL),
	PACK("cabbage", "white cabbage", PR, "head", "heads", 900, NULL, NULL),
	PACK("cabbage-red", "red cabbage", PR, "head", "heads", 800, NULL, NULL),
	PACK("canola-oil", "canola (rapeseed) oil", OC, "bottle", "bottles", 920, "1 l", NULL),
	PIECE("cantaloupe", "cantaloupe melons", PR, 550, 0, NULL),
	PIECE("carrot", "carrots", PR, 61, 0, NULL),
	PACK("cashews", "cashews", ND, "bag", "bags", 200, "200 g", NULL),
	PACK("cauliflower", "cauliflower", PR, "head", "heads", 575, NULL, NULL),
	PACK("celery", "celery", PR, "head", "heads", 450, NULL, NULL),
	PACK("chard", "Swiss chard", PR, "bunch", "bunches", 300, NULL, NULL),
	PACK("cheddar", "cheddar", DE, "block", "blocks", 200, "200 g", NULL),
	WEIGHT("cherries", "cherries", PR, NULL),
	PACK("chia", "chia seeds", ND, "bag", "bags", 250, "250 g", NULL),
	WEIGHT("chicken-breast", "boneless chicken breast", MF, "raw"),
	WEIGHT("chicken-liver", "chicken livers", MF, "raw"),
	WEIGHT("chicken-mince", "ground chicken", MF, "raw"),
	WEIGHT("chicken-thigh", "boneless chicken thighs", MF, "raw"),
	PACK("chickpeas", "chickpeas", CJ, "can", "cans", 240, "400 g", "drained"),
	PACK("chili-powder", "chili powder", SP, "jar", "jars", 40, "40 g", NULL),
	PACK("cider-vinegar", "cider vinegar", OC, "bottle", "bottles", 500, "500 ml", NULL),
	PACK("cilantro", "fresh cilantro (coriander)", PR, "bunch", "bunches", 40, NULL, NULL),
	PACK("cinnamon", "ground cinnamon", SP, "jar", "jars", 40, "40 g", NULL),
	PACK("cocoa", "cocoa powder (unsweetened)", OC, "tub", "tubs", 250, "250 g", NULL),
	PACK("coconut-flakes", "coconut flakes (unsweetened)", ND, "bag", "bags", 200, "200 g", NULL),
	PACK("coconut-milk", "coconut milk", CJ, "can", "cans", 400, "400 ml", NULL),
	PACK("coconut-oil", "coconut oil", OC, "jar", "jars", 300, "300 g", NULL),
	WEIGHT("cod", "cod fillet", MF, "raw"),
	PACK("collards", "collard greens", PR, "bunch", "bunches", 300, NULL, NULL),
	PACK("corn", "sweet corn", FR, "bag", "bags", 500, "500 g", NULL),
	PACK("cottage-cheese", "cottage cheese", DE, "tub", "tubs", 500, "500 g", NULL),
	PACK("couscous", "couscous", GB, "bag", "bags", 500, "500 g", "dry"),
	WEIGHT("crab", "crab meat (ready to eat)", MF, NULL),
	PACK("cream", "heavy cream", DE, "carton", "cartons", 250, "250 ml", NULL),
	PACK("cream-cheese", "cream cheese", DE, "tub", "tubs", 200, "200 g", NULL),
	PIECE("cucumber", "cucumbers", PR, 300, 0, NULL),
	PACK("cumin", "ground cumin", SP, "jar", "jars", 40, "40 g", NULL),
	PACK("curry-powder", "curry powder", SP, "jar", "jars", 40, "40 g", NULL),
	PACK("dates", "medjool dates", ND, "pack", "packs", 250, "250 g", NULL),
	PACK("dill", "fresh dill", PR, "bunch", "bunches", 20, NULL, NULL),
	PACK("dried-apricots", "dried apricots", ND, "bag", "bags", 200, "200 g", NULL),
	PACK("dried-figs", "dried figs", ND, "bag", "bags", 200, "200 g", NULL),
	PACK("edamame", "shelled edamame", FR, "bag", "bags", 500, "500 g", NULL),
	PIECE("egg", "eggs", DE, 50, 12, NULL),
	PIECE("eggplant", "eggplants (aubergines)", PR, 450, 0, NULL),
	PIECE("fennel", "fennel bulbs", PR, 234, 0, NULL),
	PACK("flaxseed", "ground flaxseed", ND, "bag", "bags", 250, "250 g", NULL),
	PACK("garlic", "garlic", PR, "head", "heads", 30, NULL, NULL),
	WEIGHT("ginger", "fresh ginger", PR, NULL),
	PACK("goat-cheese", "soft goat cheese", DE, "log", "logs", 125, "125 g", NULL),
	WEIGHT("grapes", "grapes", PR, NULL),
	WEIGHT("green-beans", "green beans", PR, NULL),
	PIECE("green-pepper", "green bell peppers", PR, 119, 0, NULL),
	WEIGHT("halibut", "halibut fillet", MF, "raw"),
	PACK("hazelnuts", "hazelnuts", ND, "bag", "bags", 200, "200 g", NULL),
	PACK("honey", "honey", OC, "jar", "jars", 340, "340 g", NULL),
	PACK("hummus", "hummus", CH, "tub", "tubs", 200, "200 g", NULL),
	PACK("kale", "kale", PR, "bag", "bags", 200, "200 g", NULL),
	WEIGHT("king-mackerel", "king mackerel steak", MF, "raw"),
	PIECE("kiwi", "kiwis", PR, 69, 0, NULL),
	WEIGHT("lamb-leg", "lamb leg (boneless)", MF, "raw"),
	PIECE("lemon", "lemons", PR, 48, 0, NULL),
	PACK("lentils", "dried lentils", GB, "bag", "bags", 500, "500 g", "dry"),
	PACK("lettuce-leaf", "leaf lettuce", PR, "head", "heads", 300, NULL, NULL),
	PACK("lettuce-romaine", "romaine lettuce", PR, "head", "heads", 500, NULL, NULL),
	PIECE("lime", "limes", PR, 44, 0, NULL),
	WEIGHT("lobster", "lobster meat (ready to eat)", MF, NULL),
	PACK("lupini", "lupini beans", CJ, "jar", "jars", 300, "500 g", "drained"),
	PACK("macadamias", "macadamia nuts", ND, "bag", "bags", 150, "150 g", NULL),
	WEIGHT("mackerel", "mackerel fillet", MF, "raw"),
	PIECE("mango", "mangoes", PR, 200, 0, NULL),
	PACK("maple-syrup", "maple syrup", OC, "bottle", "bottles", 330, "250 ml", NULL),
	PACK("milk", "milk (1 %)", DE, "carton", "cartons", 1030, "1 l", NULL),
	PACK("millet", "millet", GB, "bag", "bags", 500, "500 g", "dry"),
	PACK("mint", "fresh mint", PR, "bunch", "bunches", 20, NULL, NULL),
	PACK("mozzarella", "mozzarella (part-skim)", DE, "pack", "packs", 200, "200 g", NULL),
	PACK("mushrooms", "mushrooms", PR, "pack", "packs", 250, "250 g", NULL),
	WEIGHT("mussels", "mussels", MF, "in shell"),
	PACK("mustard", "mustard", OC, "jar", "jars", 200, "200 g", NULL),
	PACK2("oats", "rolled oats", GB, "bag", "bags", 1000, "1 kg", 500, "500 g", NULL),
	PACK("olive-oil", "olive oil", OC, "bottle", "bottles", 460, "500 ml", NULL),
	PACK("olives", "black olives", CJ, "jar", "jars", 150, "300 g", "drained"),
	PIECE("onion", "onions", PR, 110, 0, NULL),
	PIECE("orange", "oranges", PR, 131, 0, NULL),
	PACK("oregano", "dried oregano", SP, "jar", "jars", 10, "10 g", NULL),
	PACK("paprika", "paprika", SP, "jar", "jars", 40, "40 g", NULL),
	PACK("parmesan", "grated parmesan", DE, "tub", "tubs", 100, "100 g", NULL),
	PACK("parsley", "fresh parsley", PR, "bunch", "bunches", 50, NULL, NULL),
	PACK("pasta-corn", "corn pasta (gluten-free)", GB, "pack", "packs", 500, "500 g", "dry"),
	PACK("pasta-spaghetti", "spaghetti", GB, "pack", "packs", 500, "500 g", "dry"),
	PACK("pasta-wholewheat", "whole-wheat spaghetti", GB, "pack", "packs", 500, "500 g", "dry"),
	PIECE("peach", "peaches", PR, 150, 0, NULL),
	PACK("peanut-butter", "peanut butter", ND, "jar", "jars", 340, "340 g", NULL),
	PACK("peanuts", "unsalted peanuts", ND, "bag", "bags", 250, "250 g", NULL),
	PIECE("pear", "pears", PR, 178, 0, NULL),
	PACK2("peas", "green peas", FR, "bag", "bags", 1000, "1 kg", 500, "500 g", NULL),
	PACK("pecans", "pecans", ND, "bag", "bags", 200, "200 g", NULL),
	PACK("pepper", "black pepper", SP, "jar", "jars", 50, "50 g", NULL),
	PACK("pine-nuts", "pine nuts", ND, "bag", "bags", 100, "100 g", NULL),
	PIECE("pineapple", "pineapples", PR, 900, 0, NULL),
	PACK("pistachios", "pistachios (shelled)", ND, "bag", "bags", 200, "200 g", NULL),
	PACK("pita", "whole-wheat pitas", GB, "pack", "packs", 384, "6 pitas", NULL),
	PIECE("pomegranate", "pomegranates", PR, 175, 0, NULL),
	PACK("popcorn", "popcorn kernels", GB, "bag", "bags", 500, "500 g", "unpopped"),
	WEIGHT("pork-chop", "pork loin chops (boneless)", MF, "raw"),
	WEIGHT("pork-tenderloin", "pork tenderloin", MF, "raw"),
	WEIGHT("potato", "potatoes", PR, "raw"),
	PACK("pumpkin-seeds", "pumpkin seeds", ND, "bag", "bags", 200, "200 g", NULL),
	PACK2("quinoa", "quinoa", GB, "bag", "bags", 500, "500 g", 250, "250 g", "dry"),
	PACK("radishes", "radishes", PR, "bunch", "bunches", 200, NULL, NULL),
	PACK("raisins", "raisins", ND, "box", "boxes", 250, "250 g", NULL),
	PACK("raspberries", "raspberries", PR, "punnet", "punnets", 150, "150 g", NULL),
	PIECE("red-pepper", "red bell peppers", PR, 119, 0, NULL),
	PACK("red-wine-vinegar", "red wine vinegar", OC, "bottle", "bottles", 500, "500 ml", NULL),
	PACK("rice-brown", "brown rice", GB, "bag", "bags", 1000, "1 kg", "dry"),
	PACK("rice-cakes", "brown rice cakes (unsalted)", GB, "pack", "packs", 100, "100 g", NULL),
	PACK("rice-noodles", "rice noodles", GB, "pack", "packs", 250, "250 g", "dry"),
	PACK2("rice-white", "white rice", GB, "bag", "bags", 1000, "1 kg", 500, "500 g", "dry"),
	PACK("rice-wild", "wild rice", GB, "bag", "bags", 250, "250 g", "dry"),
	PACK("ricotta", "ricotta", DE, "tub", "tubs", 250, "250 g", NULL),
	WEIGHT("salmon", "salmon fillet", MF, "raw"),
	PACK("salsa", "tomato salsa", CJ, "jar", "jars", 300, "300 g", NULL),
	PACK("sardines", "sardines in olive oil", CJ, "can", "cans", 90, "125 g", "drained"),
	WEIGHT("scallops", "scallops", MF, "raw"),
	WEIGHT("sea-bass", "sea bass fillet", MF, "raw"),
	PACK("sesame-oil", "toasted sesame oil", OC, "bottle", "bottles", 140, "150 ml", NULL),
	PACK("sesame-seeds", "sesame seeds", ND, "bag", "bags", 100, "100 g", NULL),
	PACK("snow-peas", "snow peas", PR, "pack", "packs", 200, "200 g", NULL),
	PACK("soba", "soba noodles", GB, "pack", "packs", 250, "250 g", "dry"),
	PACK("sour-cream", "sour cream", DE, "tub", "tubs", 250, "250 g", NULL),
	PACK("soy-milk", "soy milk (unsweetened)", DE, "carton", "cartons", 1030, "1 l", NULL),
	PACK("soy-sauce", "reduced-sodium soy sauce", OC, "bottle", "bottles", 270, "250 ml", NULL),
	PIECE("spaghetti-squash", "spaghetti squash", PR, 900, 0, NULL),
	PACK("spelt", "farro (spelt)", GB, "bag", "bags", 500, "500 g", "dry"),
	PACK("spinach", "spinach", PR, "bag", "bags", 200, "200 g", NULL),
	PACK("split-peas", "dried split peas", GB, "bag", "bags", 500, "500 g", "dry"),
	PACK("spring-onions", "spring onions", PR, "bunch", "bunches", 100, NULL, NULL),
	PACK("strawberries", "strawberries", PR, "punnet", "punnets", 400, "400 g", NULL),
	PACK("sunflower-seeds", "sunflower seeds", ND, "bag", "bags", 200, "200 g", NULL),
	WEIGHT("sweet-potato", "sweet potatoes", PR, "raw"),
	PACK("swiss-cheese", "Swiss cheese", DE, "pack", "packs", 200, "200 g", NULL),
	WEIGHT("swordfish", "swordfish steak", MF, "raw"),
	PACK("tahini", "tahini", ND, "jar", "jars", 300, "300 g", NULL),
	PACK("tamari", "tamari", OC, "bottle", "bottles", 270, "250 ml", NULL),
	PACK("tempeh", "tempeh", CH, "pack", "packs", 200, "200 g", NULL),
	WEIGHT("tilapia", "tilapia fillet", MF, "raw"),
	PACK("tofu", "firm tofu", CH, "pack", "packs", 400, "400 g", NULL),
	PIECE("tomato", "tomatoes", PR, 123, 0, NULL),
	PACK("tomato-paste", "tomato paste", CJ, "can", "cans", 140, "140 g", NULL),
	PACK("tomatoes-canned", "canned tomatoes", CJ, "can", "cans", 400, "400 g", NULL),
	PACK("tortillas-corn", "corn tortillas", GB, "pack", "packs", 312, "12 tortillas", NULL),
	WEIGHT("trout", "rainbow trout fillet", MF, "raw"),
	PACK("tuna-canned", "tuna in water", CJ, "can", "cans", 120, "160 g", "drained"),
	WEIGHT("tuna-sashimi", "sashimi-grade yellowfin tuna", MF, NULL),
	WEIGHT("tuna-steak", "yellowfin tuna steak", MF, "raw"),
	PACK("turkey-breast", "turkey breast", MF, "pack", "packs", 500, "500 g", "raw"),
	WEIGHT("turkey-mince", "lean ground turkey", MF, "raw"),
	PACK("turmeric", "ground turmeric", SP, "jar", "jars", 40, "40 g", NULL),
	PACK("walnuts", "walnuts", ND, "bag", "bags", 200, "200 g", NULL),
	PACK("yogurt-lowfat", "plain low-fat yogurt", DE, "tub", "tubs", 500, "500 g", NULL),
	PACK("yogurt-whole", "plain whole-milk yogurt", DE, "tub", "tubs", 500, "500 g", NULL),
	PIECE("zucchini", "zucchini (courgettes)", PR, 196, 0, NULL),
};

/* Sorted by NDB number (cz_shop_food searches it by bisection). The
 * comment of a factor other than 1 gives the SR24 energy (kcal per 100 g)
 * as eaten and as bought that it comes from. */
static const struct cz_shop_food foods[] = {
	{ "01009", "cheddar", 1 },
	{ "01012", "cottage-cheese", 1 },
	{ "01017", "cream-cheese", 1 },
	{ "01028", "mozzarella", 1 },
	{ "01032", "parmesan", 1 },
	{ "01036", "ricotta", 1 },
	{ "01040", "swiss-cheese", 1 },
	{ "01053", "cream", 1 },
	{ "01056", "sour-cream", 1 },
	{ "01082", "milk", 1 },
	{ "01116", "yogurt-whole", 1 },
	{ "01117", "yogurt-lowfat", 1 },
	{ "01129", "egg", 1 },
	{ "01145", "butter", 1 },
	{ "01159", "goat-cheese", 1 },
	{ "02009", "chili-powder", 1 },
	{ "02010", "cinnamon", 1 },
	{ "02014", "cumin", 1 },
	{ "02015", "curry-powder", 1 },
	{ "02027", "oregano", 1 },
	{ "02028", "paprika", 1 },
	{ "02030", "pepper", 1 },
	{ "02043", "turmeric", 1 },
	{ "02044", "basil", 1 },
	{ "02045", "dill", 1 },
	{ "02046", "mustard", 1 },
	{ "02048", "cider-vinegar", 1 },
	{ "02065", "mint", 1 },
	{ "02068", "red-wine-vinegar", 1 },
	{ "02069", "balsamic", 1 },
	{ "04047", "coconut-oil", 1 },
	{ "04053", "olive-oil", 1 },
	{ "04058", "sesame-oil", 1 },
	{ "04581", "avocado-oil", 1 },
	{ "04582", "canola-oil", 1 },
	{ "05028", "chicken-liver", 1.40 },	/* liver: 167 kcal simmered / 119 raw */
	{ "05064", "chicken-breast", 1.45 },	/* breast: 165 roasted / 114 raw */
	{ "05098", "chicken-thigh", 1.49 },	/* thigh: 177 roasted / 119 raw */
	{ "05220", "turkey-breast", 1.22 },	/* 135 roasted / 111 raw */
	{ "05333", "chicken-mince", 1.32 },	/* 189 pan-browned / 143 raw */
	{ "05663", "turkey-mince", 1.35 },	/* 151 pan-broiled / 112 raw */
	{ "06164", "salsa", 1 },
	{ "08120", "oats", 1 },
	{ "09003", "apple", 1 },
	{ "09032", "dried-apricots", 1 },
	{ "09037", "avocado", 1 },
	{ "09040", "banana", 1 },
	{ "09042", "blackberries", 1 },
	{ "09050", "blueberries", 1 },
	{ "09070", "cherries", 1 },
	{ "09094", "dried-figs", 1 },
	{ "09132", "grapes", 1 },
	{ "09148", "kiwi", 1 },
	{ "09152", "lemon", 1 },
	{ "09160", "lime", 1 },
	{ "09176", "mango", 1 },
	{ "09181", "cantaloupe", 1 },
	{ "09193", "olives", 1 },
	{ "09200", "orange", 1 },
	{ "09236", "peach", 1 },
	{ "09252", "pear", 1 },
	{ "09266", "pineapple", 1 },
	{ "09286", "pomegranate", 1 },
	{ "09298", "raisins", 1 },
	{ "09302", "raspberries", 1 },
	{ "09316", "strawberries", 1 },
	{ "09421", "dates", 1 },
	{ "10042", "pork-chop", 1.33 },	/* as tenderloin: no raw twin of the broiled chop */
	{ "10061", "pork-tenderloin", 1.31 },	/* 143 roasted / 109 raw */
	{ "11012", "asparagus", 1.10 },	/* 22 boiled / 20 raw */
	{ "11053", "green-beans", 1.13 },	/* 35 boiled / 31 raw */
	{ "11081", "beet", 1 },
	{ "11091", "broccoli", 1 },
	{ "11099", "brussels-sprouts", 1 },
	{ "11109", "cabbage", 1 },
	{ "11112", "cabbage-red", 1 },
	{ "11117", "bok-choy", 1 },
	{ "11124", "carrot", 1 },
	{ "11125", "carrot", 1 },
	{ "11135", "cauliflower", 1 },
	{ "11136", "cauliflower", 1 },
	{ "11143", "celery", 1 },
	{ "11148", "chard", 1.05 },	/* 20 boiled / 19 raw */
	{ "11162", "collards", 1 },
	{ "11165", "cilantro", 1 },
	{ "11179", "corn", 1 },
	{ "11205", "cucumber", 1 },
	{ "11210", "eggplant", 1.46 },	/* 35 boiled / 24 raw */
	{ "11212", "edamame", 1 },
	{ "11215", "garlic", 1 },
	{ "11216", "ginger", 1 },
	{ "11233", "kale", 1 },
	{ "11251", "lettuce-romaine", 1 },
	{ "11253", "lettuce-leaf", 1 },
	{ "11260", "mushrooms", 1 },
	{ "11282", "onion", 1 },
	{ "11291", "spring-onions", 1 },
	{ "11297", "parsley", 1 },
	{ "11300", "snow-peas", 1 },
	{ "11313", "peas", 1 },
	{ "11333", "green-pepper", 1 },
	{ "11356", "potato", 1.23 },	/* 97 baked / 79 raw (russet) */
	{ "11429", "radishes", 1 },
	{ "11457", "spinach", 1 },
	{ "11458", "spinach", 1 },
	{ "11477", "zucchini", 1 },
	{ "11486", "butternut", 1 },
	{ "11493", "spaghetti-squash", 1 },
	{ "11508", "sweet-potato", 1.05 },	/* 90 baked / 86 raw */
	{ "11529", "tomato", 1 },
	{ "11546", "tomato-paste", 1 },
	{ "11821", "red-pepper", 1 },
	{ "11885", "tomatoes-canned", 1 },
	{ "11957", "fennel", 1 },
	{ "11959", "arugula", 1 },
	{ "12006", "chia", 1 },
	{ "12016", "pumpkin-seeds", 1 },
	{ "12023", "sesame-seeds", 1 },
	{ "12037", "sunflower-seeds", 1 },
	{ "12061", "almonds", 1 },
	{ "12078", "brazil-nuts", 1 },
	{ "12087", "cashews", 1 },
	{ "12108", "coconut-flakes", 1 },
	{ "12118", "coconut-milk", 1 },
	{ "12120", "hazelnuts", 1 },
	{ "12131", "macadamias", 1 },
	{ "12142", "pecans", 1 },
	{ "12147", "pine-nuts", 1 },
	{ "12151", "pistachios", 1 },
	{ "12155", "walnuts", 1 },
	{ "12166", "tahini", 1 },
	{ "12195", "almond-butter", 1 },
	{ "12220", "flaxseed", 1 },
	{ "13070", "beef-flank", 1.30 },	/* as ground beef 90 %: no raw twin of broiled flank */
	{ "13290", "beef-sirloin", 1.40 },	/* pan-fried lean loses more: 238 kcal, 56 % water */
	{ "13419", "beef-roast", 1.35 },	/* eye of round, roasted lean (USDA yield ~74 %) */
	{ "15016", "cod", 1.28 },	/* 105 baked / 82 raw */
	{ "15037", "halibut", 1.22 },	/* 111 / 91 */
	{ "15047", "mackerel", 1.28 },	/* 262 / 205 */
	{ "15088", "sardines", 1 },
	{ "15092", "sea-bass", 1.28 },	/* 124 / 97 */
	{ "15111", "swordfish", 1.19 },	/* 172 / 144 */
	{ "15127", "tuna-sashimi", 1 },
	{ "15140", "crab", 1 },
	{ "15148", "lobster", 1 },
	{ "15165", "mussels", 4.00 },	/* live weight: ~half shell, and meat 172 cooked / 86 raw */
	{ "15184", "tuna-canned", 1 },
	{ "15200", "king-mackerel", 1.20 },	/* as swordfish: no raw twin in SR24 */
	{ "15209", "salmon", 1.28 },	/* 182 / 142 */
	{ "15221", "tuna-steak", 1.19 },	/* 130 / 109 */
	{ "15241", "trout", 1.19 },	/* 168 / 141 */
	{ "15262", "tilapia", 1.33 },	/* 128 / 96 */
	{ "16015", "beans-black", 1 },
	{ "16033", "beans-kidney", 1 },
	{ "16043", "beans-pinto", 1 },
	{ "16050", "beans-white", 1 },
	{ "16057", "chickpeas", 1 },
	{ "16070", "lentils", 0.33 },	/* 116 boiled / 353 dry */
	{ "16077", "lupini", 1 },
	{ "16086", "split-peas", 0.35 },	/* 118 boiled / 341 dry */
	{ "16114", "tempeh", 1 },
	{ "16124", "tamari", 1 },
	{ "16137", "hummus", 1 },
	{ "16222", "soy-milk", 1 },
	{ "16390", "peanuts", 1 },
	{ "16398", "peanut-butter", 1 },
	{ "16424", "soy-sauce", 1 },
	{ "16426", "tofu", 1 },
	{ "17014", "lamb-leg", 1.49 },	/* 191 roasted / 128 raw */
	{ "18042", "pita", 1 },
	{ "18060", "bread-rye", 1 },
	{ "18075", "bread-wholewheat", 1 },
	{ "18449", "tortillas-corn", 1 },
	{ "19165", "cocoa", 1 },
	{ "19296", "honey", 1 },
	{ "19353", "maple-syrup", 1 },
	{ "19806", "popcorn", 1.05 },	/* kernels lose ~5 % water popping */
	{ "19816", "rice-cakes", 1 },
	{ "20006", "barley", 0.35 },	/* 123 cooked / 352 dry */
	{ "20010", "buckwheat", 0.27 },	/* 92 / 346 */
	{ "20013", "bulgur", 0.24 },	/* 83 / 342 */
	{ "20029", "couscous", 0.30 },	/* 112 / 376 */
	{ "20032", "millet", 0.31 },	/* 119 / 378 */
	{ "20037", "rice-brown", 0.30 },	/* 111 / 370 */
	{ "20045", "rice-white", 0.36 },	/* 130 / 365 */
	{ "20089", "rice-wild", 0.28 },	/* 101 / 357 */
	{ "20092", "pasta-corn", 0.35 },	/* 126 / 357 */
	{ "20115", "soba", 0.29 },	/* 99 / 336 */
	{ "20121", "pasta-spaghetti", 0.43 },	/* 158 / 371 */
	{ "20125", "pasta-wholewheat", 0.36 },	/* 124 / 348 */
	{ "20134", "rice-noodles", 0.30 },	/* 109 / 364 */
	{ "20137", "quinoa", 0.33 },	/* 120 / 368 */
	{ "20141", "spelt", 0.38 },	/* 127 / 338 */
	{ "23565", "beef-mince", 1.31 },	/* 230 pan-browned / 176 raw */
	{ "90240", "scallops", 1.61 },	/* 111 steamed / 69 raw */
};
#define NITEMS	(sizeof(items) / sizeof(items[0]))
#define NFOODS	(sizeof(foods) / sizeof(foods[0]))

const struct cz_shop_food *
cz_shop_food(const char *ndb)
{
	size_t lo = 0, hi = NFOODS, mid;
	int c;

	if (ndb == NULL)
		return NULL;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((c = strcmp(ndb, foods[mid].ndb)) == 0)
			return &foods[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

const struct cz_shop_product *
cz_shop_product(const char *key)
{
	size_t lo = 0, hi = NITEMS, mid;
	int c;

	if (key == NULL)
		return NULL;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((c = strcmp(key, items[mid].key)) == 0)
			return &items[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

double
cz_shop_can_grams(const char *ndb)
{
	const struct cz_shop_food *f = cz_shop_food(ndb);
	const struct cz_shop_product *pr;

	if (f == NULL || !(f->factor > 0) ||
	    (pr = cz_shop_product(f->item)) == NULL ||
	    pr->buy != CZ_BUY_PACKS || pr->unit == NULL ||
	    strcmp(pr->unit, "can") != 0 || pr->packs[1].grams != 0 ||
	    !(pr->packs[0].grams > 0))
		return 0;
	return pr->packs[0].grams / f->factor;
}

const char *
cz_aisle_name(int a)
{
	return a >= 0 && a < CZ_AISLE__MAX ? aisle_names[a] : NULL;
}

size_t
cz_shop_foods(const struct cz_shop_food **out)
{
	*out = foods;
	return NFOODS;
}

size_t
cz_shop_products(const struct cz_shop_product **out)
{
	*out = items;
	return NITEMS;
}
