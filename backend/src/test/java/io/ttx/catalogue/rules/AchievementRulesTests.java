package io.ttx.catalogue.rules;

import io.ttx.catalogue.*;
import io.ttx.catalogue.AchievementInput.*;
import io.ttx.catalogue.RuleViolations.Violation;
import io.ttx.shared.DomainException;
import org.assertj.core.api.AbstractListAssert;
import org.assertj.core.api.ObjectAssert;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.*;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class AchievementRulesTests {
    private static final String OWNER = "12330100202401371E";
    private static final LocalDate FILED = LocalDate.of(2023, 2, 1);

    /** A mutable copy of the valid body in AchievementFixtures; each test changes what it needs. */
    static final class Draft {
        LocalizedText title = new LocalizedText("基于深度学习的锂电池健康状态预测方法",
            "Deep-learning prediction of lithium battery state of health");
        LocalizedText summary = new LocalizedText("利用充放电曲线在线估计锂电池健康状态。",
            "Online state-of-health estimation from charge curves.");
        String problemSolved = "Ageing is detected too late.", advantages = "No extra sensors.";
        String technicalIndicators = "SOH error below 2 %", applications = "Energy storage", commercialAnalysis = null;
        List<String> keywords = List.of("锂电池", "battery", "deep learning");
        List<String> ipcCodes = List.of("h01m10/48", "G06N 3/08");
        String industryCode = "C3841", region = "330100";
        int trl = 6;
        OwnerType ownerType = OwnerType.UNIVERSITY;
        List<Inventor> inventors = List.of(inv("王明", "60.5"), inv("Li Hua", "39.5"));
        Contact contact = new Contact("张老师", "tto@example.edu.cn", "+86-571-8888-0000");
        List<Patent> patents = List.of(patent("CN", "CN202310123456.7", "A", FILED, null, null, null, "91350100M000100Y43"));
        Boolean openLicence = false;
        Money openLicenceFee = null;
        List<Encumbrance> encumbrances = List.of(new Encumbrance(EncumbranceType.PLEDGE, "pledged to a bank until 2027"));
        Offer offer = new Offer(List.of(TransferMode.EXCLUSIVE_LICENCE, TransferMode.ASSIGNMENT), TradeMethod.NEGOTIATED,
            new Money("1200000", "CNY"), null, null);

        AchievementInput build() {
            return new AchievementInput(title, summary, problemSolved, advantages, technicalIndicators, applications,
                commercialAnalysis, keywords, TechField.NEW_ENERGY, ipcCodes, industryCode, region, trl, Stage.PILOT,
                AchievementForm.PATENT, ownerType, inventors, contact, patents, openLicence, openLicenceFee, encumbrances, offer);
        }
    }

    static Inventor inv(String name, String share) {
        return new Inventor(name, new BigDecimal(share));
    }

    static Patent patent(String office, String number, String kind, LocalDate filed, LocalDate priority, LocalDate granted,
                         LocalDate expires, String coOwnerUscc) {
        return new Patent(office, number, "CN116000000A", kind, filed, priority, granted, expires, LegalStatus.PENDING,
            List.of(new CoOwner("浙江示范大学", coOwnerUscc)));
    }

    static Draft draft(Consumer<Draft> change) {
        Draft d = new Draft();
        change.accept(d);
        return d;
    }

    static List<Violation> violations(Consumer<Draft> change) {
        RuleViolations e = catchThrowableOfType(RuleViolations.class, () -> AchievementRules.check(draft(change).build(), OWNER));
        assertThat(e).as("expected rule violations").isNotNull();
        return e.violations();
    }

    static AbstractListAssert<?, List<? extends Tuple>, Tuple, ObjectAssert<Tuple>> found(Consumer<Draft> change) {
        return assertThat(violations(change)).extracting(Violation::field, Violation::code);
    }

    static void rejects(Consumer<Draft> change, String field, String code) {
        found(change).containsExactly(tuple(field, code));
    }

    static void accepts(Consumer<Draft> change) {
        assertThatNoException().isThrownBy(() -> AchievementRules.check(draft(change).build(), OWNER));
    }

    static Consumer<Draft> onePatent(String office, String number, String kind, LocalDate priority, LocalDate granted, LocalDate expires) {
        return d -> d.patents = List.of(patent(office, number, kind, FILED, priority, granted, expires, null));
    }

    static Offer offer(List<TransferMode> modes, Money price, AmountRange range, Money deposit) {
        return new Offer(modes, TradeMethod.NEGOTIATED, price, range, deposit);
    }

    @Test
    void acceptsTheFixtureBody() {
        accepts(d -> { });
    }

    @Test
    void rejectsAnInvalidOwnerCreditCode() {
        RuleViolations e = catchThrowableOfType(RuleViolations.class, () -> AchievementRules.check(new Draft().build(), "12330100202401371F"));
        assertThat(e.code()).isEqualTo("invalid-uscc");
        assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
        assertThat(e.violations()).extracting(Violation::field).containsExactly("ownerOrg");
    }

    @Test
    void rejectsAnInvalidCoOwnerCreditCode() {
        rejects(d -> d.patents = List.of(patent("CN", "CN1", "A", FILED, null, null, null, "91350100M000100Y44")),
            "patents[0].coOwners[0].uscc", "invalid-uscc");
    }

    @Test
    void requiresAChineseOrAnEnglishTitleAndSummary() {
        rejects(d -> d.title = new LocalizedText(null, "  "), "title", "missing-language");
        rejects(d -> d.summary = new LocalizedText("", null), "summary", "missing-language");
        accepts(d -> d.title = new LocalizedText(null, "Battery"));
        accepts(d -> d.summary = new LocalizedText("摘要", null));
    }

    @Test
    void limitsTitleTo200AndSummaryTo2000CodePoints() {
        accepts(d -> d.title = new LocalizedText("锂".repeat(200), "x".repeat(200)));
        accepts(d -> d.title = new LocalizedText("\uD840\uDC00".repeat(200), null)); // 200 supplementary characters, 400 chars
        rejects(d -> d.title = new LocalizedText("锂".repeat(201), null), "title.zh", "text-too-long");
        rejects(d -> d.title = new LocalizedText(null, "x".repeat(201)), "title.en", "text-too-long");
        accepts(d -> d.summary = new LocalizedText("池".repeat(2000), null));
        rejects(d -> d.summary = new LocalizedText("池".repeat(2001), null), "summary.zh", "text-too-long");
    }

    @Test
    void limitsOtherTextsTo4000CodePoints() {
        List<BiConsumer<Draft, String>> setters = List.of((d, s) -> d.problemSolved = s, (d, s) -> d.advantages = s,
            (d, s) -> d.technicalIndicators = s, (d, s) -> d.applications = s, (d, s) -> d.commercialAnalysis = s);
        List<String> fields = List.of("problemSolved", "advantages", "technicalIndicators", "applications", "commercialAnalysis");
        for (int i = 0; i < setters.size(); i++) {
            var set = setters.get(i);
            accepts(d -> set.accept(d, "技".repeat(4000)));
            rejects(d -> set.accept(d, "技".repeat(4001)), fields.get(i), "text-too-long");
        }
    }

    @Test
    void allowsAtMost20KeywordsOf1To50Characters() {
        rejects(d -> d.keywords = List.of("battery", "  "), "keywords[1]", "invalid-keyword");
        rejects(d -> d.keywords = List.of("k".repeat(51)), "keywords[0]", "invalid-keyword");
        accepts(d -> d.keywords = List.of("k".repeat(50)));
        List<String> twenty = IntStream.range(0, 20).mapToObj(i -> "kw" + i).toList();
        accepts(d -> d.keywords = twenty);
        List<String> withDuplicate = new ArrayList<>(twenty.subList(0, 19));
        withDuplicate.add(" kw0 ");
        accepts(d -> d.keywords = withDuplicate);
        rejects(d -> d.keywords = IntStream.range(0, 21).mapToObj(i -> "kw" + i).toList(), "keywords", "too-many-keywords");
    }

    /** The contract's maxItems is on the array as sent: 21 keywords are too many even when two are the same. */
    @Test
    void countsKeywordsAsSentBeforeLookingAtThem() {
        List<String> twentyOne = new ArrayList<>(IntStream.range(0, 20).mapToObj(i -> "kw" + i).toList());
        twentyOne.add("kw0");
        rejects(d -> d.keywords = twentyOne, "keywords", "too-many-keywords");
        List<String> badAndTooMany = new ArrayList<>(Collections.nCopies(21, " "));
        rejects(d -> d.keywords = badAndTooMany, "keywords", "too-many-keywords");
    }

    @Test
    void countsKeywordLengthInCodePoints() {
        accepts(d -> d.keywords = List.of("\uD840\uDC00".repeat(50)));
    }

    @Test
    void allowsAtMost20IpcSymbolsCountedAsSent() {
        rejects(d -> d.ipcCodes = List.of("H01M 10/48", "I01M 10/48"), "ipcCodes[1]", "invalid-ipc");
        accepts(d -> d.ipcCodes = IntStream.rangeClosed(1, 20).mapToObj(i -> i < 20 ? "H01M " + i + "/48" : "h01m1/48").toList());
        rejects(d -> d.ipcCodes = IntStream.rangeClosed(1, 21).mapToObj(i -> i <= 20 ? "H01M " + i + "/48" : "h01m1/48").toList(),
            "ipcCodes", "too-many-ipc-codes");
        rejects(d -> d.ipcCodes = Collections.nCopies(21, "bad"), "ipcCodes", "too-many-ipc-codes");
    }

    @Test
    void judgesIpcSymbolsOfAtMost50Characters() {
        accepts(d -> d.ipcCodes = List.of("  H01M 0010 / 48" + " ".repeat(30)));
        rejects(d -> d.ipcCodes = List.of("H01M " + "0".repeat(50) + "10/48"), "ipcCodes[0]", "invalid-ipc");
        assertTimeoutPreemptively(Duration.ofSeconds(1),
            () -> rejects(d -> d.ipcCodes = List.of("H01M" + " ".repeat(100_000) + "0".repeat(100_000) + "x"), "ipcCodes[0]", "invalid-ipc"));
    }

    @Test
    void requiresAGbt4754IndustryCode() {
        for (String code : List.of("C38411", "Z3841", "c3841", "C3", "3841", "")) {
            rejects(d -> d.industryCode = code, "industryCode", "invalid-industry-code");
        }
        for (String code : List.of("C38", "C384", "C3841", "A01")) accepts(d -> d.industryCode = code);
        accepts(d -> d.industryCode = null);
    }

    @Test
    void requiresASixDigitRegionOtherThanZero() {
        for (String region : List.of("000000", "33010", "3301000", "33010A", "")) rejects(d -> d.region = region, "region", "invalid-region");
        rejects(d -> d.region = null, "region", "invalid-region");
    }

    @Test
    void requiresTrlFrom1To9() {
        rejects(d -> d.trl = 0, "trl", "invalid-trl");
        rejects(d -> d.trl = 10, "trl", "invalid-trl");
        accepts(d -> d.trl = 1);
        accepts(d -> d.trl = 9);
    }

    @Test
    void requiresInventorNamesAndSharesWithTwoDecimals() {
        rejects(d -> d.inventors = List.of(inv(" ", "100")), "inventors[0].name", "missing-name");
        found(d -> d.inventors = List.of(inv("A", "33.333"), inv("B", "66.667")))
            .containsExactly(tuple("inventors[0].share", "amount-scale"), tuple("inventors[1].share", "amount-scale"));
    }

    @Test
    void rejectsSharesOutsideZeroToHundred() {
        rejects(d -> d.inventors = List.of(inv("A", "0"), inv("B", "100")), "inventors[0].share", "invalid-share");
        found(d -> d.inventors = List.of(inv("A", "-10"), inv("B", "110")))
            .containsExactly(tuple("inventors[0].share", "invalid-share"), tuple("inventors[1].share", "invalid-share"));
        found(d -> d.inventors = List.of(inv("A", "100.01")))
            .containsExactly(tuple("inventors[0].share", "invalid-share"), tuple("inventors", "inventor-shares-not-100"));
    }

    /** 1e500000000 is an 11-character token: judged on its digits and exponent, never added or printed. */
    @Test
    void judgesHugeAndTinySharesBeforeAnyArithmetic() {
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            found(d -> d.inventors = List.of(inv("A", "1e500000000"), inv("B", "100")))
                .containsExactly(tuple("inventors[0].share", "invalid-share"));
            found(d -> d.inventors = List.of(inv("A", "-1e500000000"), inv("B", "100")))
                .containsExactly(tuple("inventors[0].share", "invalid-share"));
            found(d -> d.inventors = List.of(inv("A", "1e-500000000"), inv("B", "100")))
                .containsExactly(tuple("inventors[0].share", "amount-scale"));
            rejects(d -> d.inventors = List.of(inv("A", "1000")), "inventors[0].share", "invalid-share");
        });
        accepts(d -> d.inventors = List.of(inv("A", "1e2")));
        accepts(d -> d.inventors = List.of(inv("A", "99.50"), inv("B", "0.5000")));
    }

    @Test
    void requiresInventorSharesToSumTo100() {
        rejects(d -> d.inventors = List.of(inv("A", "33.33"), inv("B", "33.33"), inv("C", "33.33")), "inventors", "inventor-shares-not-100");
        rejects(d -> d.inventors = List.of(inv("A", "60")), "inventors", "inventor-shares-not-100");
        accepts(d -> d.inventors = List.of(inv("A", "33.33"), inv("B", "33.33"), inv("C", "33.34")));
        accepts(d -> d.inventors = List.of(inv("A", "100.00")));
    }

    @Test
    void rejectsMalformedContactDetails() {
        rejects(d -> d.contact = new Contact("A", "tto.example.edu.cn", null), "contact.email", "invalid-email");
        rejects(d -> d.contact = new Contact("A", "tto@localhost", null), "contact.email", "invalid-email");
        rejects(d -> d.contact = new Contact("A", null, "call me"), "contact.phone", "invalid-phone");
        rejects(d -> d.contact = new Contact("A", "a@b@example.cn", null), "contact.email", "invalid-email");
        rejects(d -> d.contact = new Contact("A", "a b@example.cn", null), "contact.email", "invalid-email");
        rejects(d -> d.contact = new Contact("A", "a@example.c", null), "contact.email", "invalid-email");
        rejects(d -> d.contact = new Contact("A", "a".repeat(65) + "@example.cn", null), "contact.email", "invalid-email");
        accepts(d -> d.contact = new Contact("A", "a".repeat(64) + "@mail.example.edu.cn", null));
    }

    /** The pattern this replaced backtracked for minutes on such input. */
    @Test
    void judgesLongEmailAddressesInLinearTime() {
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            rejects(d -> d.contact = new Contact("A", "@" + "a".repeat(50_000), null), "contact.email", "invalid-email");
            rejects(d -> d.contact = new Contact("A", "x@" + "a.".repeat(25_000), null), "contact.email", "invalid-email");
        });
        accepts(d -> d.contact = new Contact("A", null, "0571 8888 0000"));
    }

    @Test
    void checksPatentOfficeKindAndNumber() {
        for (String office : List.of("cn", "CHN", "C")) {
            rejects(onePatent(office, "CN1", "A", null, null, null), "patents[0].office", "invalid-patent-office");
        }
        for (String kind : List.of("AB", "a", "12", "")) {
            rejects(onePatent("CN", "CN1", kind, null, null, null), "patents[0].kind", "invalid-kind-code");
        }
        rejects(onePatent("CN", " ", "B", null, null, null), "patents[0].applicationNumber", "missing-application-number");
        accepts(onePatent("EP", "EP1", "B1", null, null, null));
    }

    @Test
    void requiresPatentDatesInLegalOrder() {
        rejects(onePatent("CN", "CN1", "A", FILED.plusDays(1), null, null), "patents[0].priorityDate", "inconsistent-dates");
        rejects(onePatent("CN", "CN1", "B", null, FILED, null), "patents[0].grantDate", "inconsistent-dates");
        rejects(onePatent("CN", "CN1", "B", null, FILED.minusDays(1), null), "patents[0].grantDate", "inconsistent-dates");
        rejects(onePatent("CN", "CN1", "B", null, FILED.plusYears(1), FILED.plusYears(1)), "patents[0].expiryDate", "inconsistent-dates");
        accepts(onePatent("CN", "CN1", "B", FILED, FILED.plusYears(1), FILED.plusYears(20)));
    }

    @Test
    void forbidsExclusiveOrSoleLicencesOfAnOpenLicence() {
        for (TransferMode mode : List.of(TransferMode.EXCLUSIVE_LICENCE, TransferMode.SOLE_LICENCE)) {
            rejects(d -> { d.openLicence = true; d.offer = offer(List.of(TransferMode.ASSIGNMENT, mode), null, null, null); },
                "offer.transferModes", "open-licence-exclusive");
        }
        accepts(d -> { d.openLicence = true; d.offer = offer(List.of(TransferMode.ORDINARY_LICENCE), null, null, null); });
    }

    @Test
    void declaresAFeeOnlyForAnOpenLicence() {
        rejects(d -> d.openLicenceFee = new Money("5000", "CNY"), "openLicenceFee", "open-licence-fee-without-open-licence");
        rejects(d -> { d.openLicence = null; d.openLicenceFee = new Money("5000", "CNY"); }, "openLicenceFee", "open-licence-fee-without-open-licence");
        accepts(d -> { d.openLicence = true; d.offer = null; d.openLicenceFee = new Money("5000", "CNY"); });
    }

    @Test
    void checksMoneyAndRanges() {
        rejects(d -> d.offer = offer(null, new Money("100", "USD"), null, null), "offer.askingPrice.currency", "unsupported-currency");
        rejects(d -> d.offer = offer(null, null, new AmountRange("1", "2", "EUR"), null), "offer.priceRange.currency", "unsupported-currency");
        rejects(d -> d.offer = offer(null, new Money("1,200,000", "CNY"), null, null), "offer.askingPrice.amount", "invalid-amount");
        rejects(d -> d.offer = offer(null, null, null, new Money("-1", "CNY")), "offer.deposit.amount", "negative-amount");
        rejects(d -> d.offer = offer(null, new Money("1200000.001", "CNY"), null, null), "offer.askingPrice.amount", "amount-scale");
        rejects(d -> d.offer = offer(null, null, new AmountRange("2000000", "1000000", null), null), "offer.priceRange", "invalid-range");
        accepts(d -> d.offer = offer(null, null, new AmountRange("1000000", "1000000.00", "CNY"), null));
    }

    @Test
    void reportsEveryViolationAtOnceInOrder() {
        RuleViolations e = catchThrowableOfType(RuleViolations.class, () -> AchievementRules.check(draft(d -> {
            d.title = new LocalizedText(" ", null);
            d.ipcCodes = List.of("X99");
            d.region = "000000";
            d.trl = 0;
            d.contact = new Contact(null, "nope", null);
            d.offer = offer(null, new Money("-5", "CNY"), null, null);
        }).build(), "bad"));
        assertThat(e.violations()).extracting(Violation::field, Violation::code).containsExactly(
            tuple("ownerOrg", "invalid-uscc"), tuple("title", "missing-language"), tuple("ipcCodes[0]", "invalid-ipc"),
            tuple("region", "invalid-region"), tuple("trl", "invalid-trl"), tuple("contact.email", "invalid-email"),
            tuple("offer.askingPrice.amount", "negative-amount"));
        assertThat(e.code()).isEqualTo("invalid-uscc");
        assertThat(e.properties()).containsEntry("field", "ownerOrg");
    }

    @Test
    void returnsTheInputNormalised() {
        AchievementInput out = AchievementRules.check(draft(d -> {
            d.title = new LocalizedText("  锂电池  ", "   ");
            d.problemSolved = "   ";
            d.advantages = "  No extra sensors.\n";
            d.keywords = List.of("锂电池", " battery ", "battery", "锂电池");
            d.ipcCodes = List.of("h01m10/48", "G06N 3/08", "H01M 0010/48");
            d.ownerType = null;
            d.openLicence = null;
            d.offer = offer(List.of(TransferMode.ASSIGNMENT, TransferMode.ASSIGNMENT), new Money("1200000", "CNY"),
                new AmountRange("1000000", "2000000.5", null), new Money("0", "CNY"));
        }).build(), OWNER);
        assertThat(out.title()).isEqualTo(new LocalizedText("锂电池", null));
        assertThat(out.problemSolved()).isNull();
        assertThat(out.advantages()).isEqualTo("No extra sensors.");
        assertThat(out.keywords()).containsExactly("锂电池", "battery");
        assertThat(out.ipcCodes()).containsExactly("H01M 10/48", "G06N 3/08");
        assertThat(out.ownerType()).isEqualTo(OwnerType.UNIVERSITY);
        assertThat(out.openLicence()).isFalse();
        assertThat(out.offer().transferModes()).containsExactly(TransferMode.ASSIGNMENT);
        assertThat(out.offer().askingPrice()).isEqualTo(new Money("1200000.00", "CNY"));
        assertThat(out.offer().priceRange()).isEqualTo(new AmountRange("1000000.00", "2000000.50", "CNY"));
        assertThat(out.offer().deposit()).isEqualTo(new Money("0.00", "CNY"));
    }

    @Test
    void returnsEmptyListsInsteadOfNull() {
        AchievementInput out = AchievementRules.check(draft(d -> {
            d.keywords = null; d.ipcCodes = null; d.inventors = null; d.patents = null; d.encumbrances = null; d.offer = null;
        }).build(), OWNER);
        assertThat(out.keywords()).isNotNull().isEmpty();
        assertThat(out.ipcCodes()).isNotNull().isEmpty();
        assertThat(out.inventors()).isNotNull().isEmpty();
        assertThat(out.patents()).isNotNull().isEmpty();
        assertThat(out.encumbrances()).isNotNull().isEmpty();
        assertThat(out.offer()).isNull();
    }
}
