package io.ttx.demodata;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every generated request body, parsed back from the JSON the loader sends, obeys the rules the backend enforces
 * (AchievementRules and the demand rules), so loading never stops on a 422 of our own making.
 */
class BackendRulesTests {
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,15}\\.\\d{2}");
    private static final Pattern APPLICATION = Pattern.compile("CN(\\d{4})([12])(\\d{7})\\.(\\d)");
    private static final Pattern PUBLICATION = Pattern.compile("CN\\d{9}([ABU])");
    private static final Pattern PHONE = Pattern.compile("\\+86-[0-9\\-]{5,26}");
    private static final Set<String> MODES = Set.of("ASSIGNMENT", "EXCLUSIVE_LICENCE", "SOLE_LICENCE", "ORDINARY_LICENCE",
        "EQUITY", "JOINT_DEVELOPMENT", "TECHNICAL_SERVICE");
    private static final Set<String> TRADE = Set.of("FIXED_PRICE", "NEGOTIATED", "AUCTION", "TENDER");
    private static final Set<String> STATUS = Set.of("PENDING", "GRANTED", "LAPSED", "EXPIRED", "REVOKED", "WITHDRAWN");
    private static final Set<String> FORMS = Set.of("PATENT", "SOFTWARE_COPYRIGHT", "KNOW_HOW", "NEW_PRODUCT",
        "NEW_PROCESS", "NEW_MATERIAL", "PROTOTYPE", "STANDARD", "PLANT_VARIETY");

    @Test
    void achievementBodiesPassTheBackendRules() {
        int open = 0, unpriced = 0;
        for (DemoAchievement a : DemoCatalogue.achievements()) {
            Map<String, Object> b = parse(a.json());
            String at = "#" + a.index();
            texts(b, at);
            assertThat(b.get("field")).isEqualTo(a.field().name());
            assertThat((String) b.get("region")).as(at).isIn(DemoCatalogue.REGIONS);
            int trl = ((BigDecimal) b.get("trl")).intValueExact();
            assertThat(b.get("stage")).as(at).isEqualTo(DemoCatalogue.stageOf(trl));
            assertThat((String) b.get("form")).isIn(FORMS);
            assertThat((String) b.get("industryCode")).matches("[A-T]\\d{4}");
            inventors(list(b, "inventors"), at);
            Map<String, Object> contact = map(b, "contact");
            assertThat((String) contact.get("email")).as(at).matches("[a-z.]+@([a-z]+\\.)?example\\.(edu\\.cn|com)");
            assertThat((String) contact.get("phone")).as(at).matches(PHONE);
            List<Object> patents = b.containsKey("patents") ? list(b, "patents") : List.of();
            if ("PATENT".equals(b.get("form"))) assertThat(patents).as(at).hasSizeBetween(1, 2);
            else assertThat(patents).as(at + " patents only for PATENT").isEmpty();
            patents.forEach(p -> patent(cast(p), at));
            Map<String, Object> offer = map(b, "offer");
            List<Object> modes = list(offer, "transferModes");
            assertThat(modes).as(at).isNotEmpty().doesNotHaveDuplicates().allMatch(MODES::contains);
            assertThat((String) offer.get("tradeMethod")).isIn(TRADE);
            if (Boolean.TRUE.equals(b.get("openLicence"))) {
                open++;
                assertThat(modes).as(at).doesNotContain("EXCLUSIVE_LICENCE", "SOLE_LICENCE");
                assertThat(patents).as(at + " open licence needs a granted patent")
                    .anyMatch(p -> "GRANTED".equals(cast(p).get("legalStatus")));
                money(map(b, "openLicenceFee"), at);
            } else {
                assertThat(b.get("openLicence")).isEqualTo(Boolean.FALSE);
                assertThat(b).as(at).doesNotContainKey("openLicenceFee");
            }
            if (offer.containsKey("askingPrice")) money(map(offer, "askingPrice"), at);
            else {
                unpriced++;
                assertThat(offer.get("tradeMethod")).as(at + " price on request").isEqualTo("NEGOTIATED");
            }
        }
        int n = DemoCatalogue.achievements().size();
        assertThat(open * 100 / n).as("open licence %").isBetween(6, 15);
        assertThat(unpriced * 100 / n).as("without asking price %").isBetween(14, 28);
    }

    @Test
    void demandBodiesPassTheBackendRules() {
        Set<String> ownership = Set.of("BUYER", "SELLER", "SHARED", "NEGOTIABLE");
        int ranges = 0;
        for (DemoDemand d : DemoCatalogue.demands()) {
            Map<String, Object> b = parse(d.json());
            String at = "demand #" + d.index();
            texts(b, at);
            assertThat(b.containsKey("budget") ^ b.containsKey("budgetRange")).as(at + " budget xor budgetRange").isTrue();
            if (b.containsKey("budget")) money(map(b, "budget"), at);
            else {
                ranges++;
                Map<String, Object> r = map(b, "budgetRange");
                assertThat((String) r.get("min")).matches(AMOUNT);
                assertThat((String) r.get("max")).matches(AMOUNT);
                assertThat(new BigDecimal((String) r.get("min"))).as(at).isLessThanOrEqualTo(new BigDecimal((String) r.get("max")));
            }
            assertThat(list(b, "cooperationModes")).as(at).isNotEmpty().doesNotHaveDuplicates().allMatch(MODES::contains);
            assertThat((String) b.get("ipOwnership")).isIn(ownership);
            assertThat(b.get("voucherEligible")).isInstanceOf(Boolean.class);
            assertThat((String) b.get("region")).isIn(DemoCatalogue.REGIONS);
            LocalDate valid = LocalDate.parse((String) b.get("validUntil"));
            LocalDate delivery = LocalDate.parse((String) b.get("expectedDelivery"));
            LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
            assertThat(valid).as(at).isAfter(today.plusDays(90)).isBefore(today.plusYears(3));
            assertThat(delivery).as(at).isAfter(today).isBefore(valid);
            for (String key : List.of("technicalIndicators", "problemToSolve", "currentBasis")) {
                assertThat((String) b.get(key)).as(at + " " + key).isNotBlank().hasSizeLessThanOrEqualTo(4000);
            }
        }
        assertThat(ranges).isBetween(20, DemoCatalogue.demands().size() - 20);
    }

    @Test
    void applicationNumberCheckDigitFollowsCnipa() {
        assertThat(Patents.checkDigit("201710601862")).isEqualTo(3); // CN201710601862.3
        assertThat(Patents.applicationNumber(2023, 1, new java.util.Random(1))).matches(APPLICATION);
    }

    @Test
    void patentApplicationNumbersAreUnique() {
        assertThat(DemoCatalogue.achievements().stream().flatMap(a -> a.patents().stream())
            .map(DemoAchievement.Patent::applicationNumber)).doesNotHaveDuplicates();
    }

    private static void texts(Map<String, Object> b, String at) {
        Map<String, Object> title = map(b, "title"), summary = map(b, "summary");
        for (String lang : List.of("zh", "en")) {
            assertThat(((String) title.get(lang)).codePointCount(0, ((String) title.get(lang)).length())).as(at).isBetween(1, 200);
            assertThat(((String) summary.get(lang)).codePointCount(0, ((String) summary.get(lang)).length())).as(at).isBetween(1, 2000);
        }
        List<Object> keywords = list(b, "keywords");
        assertThat(keywords).as(at).hasSizeBetween(1, 20).doesNotHaveDuplicates()
            .allMatch(k -> !((String) k).isBlank() && ((String) k).length() <= 50);
    }

    private static void inventors(List<Object> inventors, String at) {
        assertThat(inventors).as(at).isNotEmpty();
        BigDecimal sum = BigDecimal.ZERO;
        for (Object o : inventors) {
            Map<String, Object> inv = cast(o);
            BigDecimal share = (BigDecimal) inv.get("share");
            assertThat(share.stripTrailingZeros().scale()).as(at + " share scale").isLessThanOrEqualTo(2);
            assertThat(share).as(at).isPositive().isLessThanOrEqualTo(BigDecimal.valueOf(100));
            assertThat((String) inv.get("name")).isNotBlank();
            sum = sum.add(share);
        }
        assertThat(sum).as(at + " shares sum").isEqualByComparingTo("100");
    }

    private static void patent(Map<String, Object> p, String at) {
        assertThat(p.get("office")).isEqualTo("CN");
        var app = APPLICATION.matcher((String) p.get("applicationNumber"));
        assertThat(app.matches()).as(at + " " + p.get("applicationNumber")).isTrue();
        assertThat(Patents.checkDigit(app.group(1) + app.group(2) + app.group(3))).isEqualTo(Integer.parseInt(app.group(4)));
        var pub = PUBLICATION.matcher((String) p.get("publicationNumber"));
        assertThat(pub.matches()).as(at + " " + p.get("publicationNumber")).isTrue();
        String kind = (String) p.get("kind");
        assertThat(pub.group(1)).isEqualTo(kind);
        assertThat(app.group(2)).as(at + " application type matches kind").isEqualTo(kind.equals("U") ? "2" : "1");
        String status = (String) p.get("legalStatus");
        assertThat(status).isIn(STATUS);
        LocalDate filing = LocalDate.parse((String) p.get("filingDate"));
        assertThat(filing.getYear()).isEqualTo(Integer.parseInt(app.group(1)));
        if (kind.equals("A")) assertThat(p).as(at).doesNotContainKey("grantDate").containsEntry("legalStatus", "PENDING");
        if (status.equals("GRANTED")) assertThat(p).as(at + " granted has grant date").containsKey("grantDate");
        if (p.containsKey("grantDate")) {
            LocalDate grant = LocalDate.parse((String) p.get("grantDate"));
            assertThat(grant).as(at).isAfter(filing).isBefore(LocalDate.of(2026, 1, 1));
            if (p.containsKey("expiryDate")) assertThat(LocalDate.parse((String) p.get("expiryDate"))).as(at).isAfter(grant);
        }
    }

    private static void money(Map<String, Object> m, String at) {
        assertThat((String) m.get("amount")).as(at).matches(AMOUNT);
        assertThat(m.get("currency")).isEqualTo("CNY");
    }

    private static Map<String, Object> parse(String json) {
        return cast(Json.parse(json));
    }

    private static Map<String, Object> map(Map<String, Object> m, String key) {
        assertThat(m).containsKey(key);
        return cast(m.get(key));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> m, String key) {
        assertThat(m.get(key)).as(key).isInstanceOf(List.class);
        return (List<Object>) m.get(key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        assertThat(o).isInstanceOf(Map.class);
        return (Map<String, Object>) o;
    }
}
