package io.ttx.vouchers.web;

import io.ttx.catalogue.Money;
import io.ttx.shared.Uscc;
import io.ttx.shared.web.RequestErrors;
import io.ttx.vouchers.domain.Admission;
import io.ttx.vouchers.domain.Category;
import io.ttx.vouchers.domain.Issuing;
import io.ttx.vouchers.domain.ProgrammeDraft;
import io.ttx.vouchers.domain.VoucherLimits;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON bodies of the programme and agency routes, bounded and parsed before anything is read: 400 naming every
 * missing or malformed member; an amount that is not a CNY decimal with at most two decimals is 422 (the catalogue's
 * money codes, with the field; see {@link RequestErrors}). What the values mean is the domain's rule.
 */
final class VoucherRequests {
    static final int MAX_ID = 64;
    private static final int MAX_REGIONS = 40;

    private VoucherRequests() { }

    record CategoryInput(@Nullable Category category, @Nullable String subsidyRatio) { }

    record CreateProgrammeRequest(@Nullable String name, @Nullable String region, @Nullable Money budget, @Nullable LocalDate periodStart,
                                  @Nullable LocalDate periodEnd, @Nullable List<CategoryInput> categories, @Nullable Money capPerEnterprisePerYear,
                                  @Nullable Money capPerControllerPerYear, @Nullable Integer voucherValidityDays,
                                  @Nullable List<String> acceptedProviderRegions, @Nullable Money autoApproveBelow) { }

    record ApplyRequest(@Nullable String name, @Nullable String region, @Nullable List<Category> categories, @Nullable String controller) { }

    record ObjectionRequest(@Nullable String text) { }

    record DecisionRequest(@Nullable String decision, @Nullable String note) { }

    record IssueRequest(@Nullable String holderOrg, @Nullable String holderController, @Nullable Money faceValue) { }

    static Issuing.IssueRequest issue(IssueRequest r) {
        RequestErrors e = new RequestErrors();
        String org = e.text("holderOrg", r.holderOrg(), 18);
        if (org != null && (org.length() != 18 || !Uscc.isValid(org))) e.add("holderOrg", "invalid", "not a unified social credit code");
        String controller = e.text("holderController", r.holderController(), VoucherLimits.CONTROLLER);
        Long face = e.money("faceValue", r.faceValue(), true);
        if (!e.ok() || org == null || controller == null || face == null) throw e.failure();
        return new Issuing.IssueRequest(org, controller, face);
    }

    record RevocationRequest(@Nullable String reason) { }

    static String reason(RevocationRequest r) {
        RequestErrors e = new RequestErrors();
        String reason = e.text("reason", r.reason(), VoucherLimits.TEXT);
        if (!e.ok() || reason == null) throw e.failure();
        return reason;
    }

    record ProductRequest(@Nullable Category category, @Nullable String name, @Nullable Money price) { }

    static ProgrammeDraft programme(CreateProgrammeRequest r) {
        RequestErrors e = new RequestErrors();
        String name = e.text("name", r.name(), VoucherLimits.NAME);
        String region = e.text("region", r.region(), 6);
        Long budget = e.money("budget", r.budget(), true);
        LocalDate start = e.required("periodStart", r.periodStart());
        LocalDate end = e.required("periodEnd", r.periodEnd());
        List<ProgrammeDraft.CategoryRatio> categories = new ArrayList<>();
        if (r.categories() == null) e.add("categories", "required", "must be given");
        if (e.bounded("categories", r.categories(), Category.values().length * 2)) {
            for (int i = 0; i < r.categories().size(); i++) {
                CategoryInput c = r.categories().get(i);
                String at = "categories[" + i + "]";
                if (c == null) {
                    e.add(at, "required", "must not be null");
                    continue;
                }
                Category category = e.required(at + ".category", c.category());
                BigDecimal ratio = e.decimal(at + ".subsidyRatio", c.subsidyRatio(), true);
                if (category != null && ratio != null) categories.add(new ProgrammeDraft.CategoryRatio(category, ratio));
            }
        }
        Long capEnterprise = e.money("capPerEnterprisePerYear", r.capPerEnterprisePerYear(), true);
        Long capController = e.money("capPerControllerPerYear", r.capPerControllerPerYear(), true);
        Integer validity = e.required("voucherValidityDays", r.voucherValidityDays());
        Set<String> regions = new LinkedHashSet<>();
        if (r.acceptedProviderRegions() == null) e.add("acceptedProviderRegions", "required", "must be given");
        if (e.bounded("acceptedProviderRegions", r.acceptedProviderRegions(), MAX_REGIONS)) {
            for (String code : r.acceptedProviderRegions()) {
                if (code == null || code.length() > 6) e.add("acceptedProviderRegions", "invalid", "province codes (6 digits) or *");
                else regions.add(code);
            }
        }
        Long auto = r.autoApproveBelow() == null ? Long.valueOf(0) : e.money("autoApproveBelow", r.autoApproveBelow(), true);
        if (!e.ok() || name == null || region == null || budget == null || start == null || end == null || capEnterprise == null
            || capController == null || validity == null || auto == null) {
            throw e.failure();
        }
        return new ProgrammeDraft(name, region, budget, start, end, categories, capEnterprise, capController, validity, regions, auto);
    }

    static Admission.Application application(ApplyRequest r) {
        RequestErrors e = new RequestErrors();
        String name = e.text("name", r.name(), VoucherLimits.NAME);
        String region = e.text("region", r.region(), 6);
        if (r.categories() == null) e.add("categories", "required", "must be given");
        List<Category> categories = e.bounded("categories", r.categories(), Category.values().length * 2) ? r.categories() : List.of();
        if (categories.stream().anyMatch(c -> c == null)) e.add("categories", "invalid", "must not hold null");
        String controller = e.text("controller", r.controller(), VoucherLimits.CONTROLLER);
        if (!e.ok() || name == null || region == null || controller == null) throw e.failure();
        return new Admission.Application(name, region, Set.copyOf(categories), controller);
    }

    static String objection(ObjectionRequest r) {
        RequestErrors e = new RequestErrors();
        String text = e.text("text", r.text(), VoucherLimits.TEXT);
        if (!e.ok() || text == null) throw e.failure();
        return text;
    }

    /** {@code ADMIT} (true) or {@code REJECT} (false), and the note. */
    static Map.Entry<Boolean, String> decision(DecisionRequest r) {
        RequestErrors e = new RequestErrors();
        String d = e.required("decision", r.decision());
        if (d != null && !d.equals("ADMIT") && !d.equals("REJECT")) e.add("decision", "invalid", "ADMIT or REJECT");
        String note = e.optionalText("note", r.note(), VoucherLimits.TEXT);
        if (!e.ok() || d == null) throw e.failure();
        return Map.entry(d.equals("ADMIT"), note == null ? "" : note);
    }

    record Product(Category category, String name, long price) { }

    static Product product(ProductRequest r) {
        RequestErrors e = new RequestErrors();
        Category category = e.required("category", r.category());
        String name = e.text("name", r.name(), VoucherLimits.NAME);
        Long price = e.money("price", r.price(), true);
        if (!e.ok() || category == null || name == null || price == null) throw e.failure();
        return new Product(category, name, price);
    }
}
