package io.ttx.vouchers.web;

import io.ttx.catalogue.Money;
import io.ttx.shared.web.RequestErrors;
import io.ttx.vouchers.domain.Category;
import io.ttx.vouchers.domain.RedemptionRequest;
import io.ttx.vouchers.domain.VoucherLimits;
import org.jspecify.annotations.Nullable;

import java.util.Map;

/** The JSON bodies of the redemption routes, bounded and parsed before anything is read (400 naming every bad member). */
final class RedemptionRequests {
    private RedemptionRequests() { }

    record RedeemRequest(@Nullable String invoiceNumber, @Nullable Money invoiceAmount, @Nullable Category category,
                         @Nullable String serviceDescription, @Nullable String dealId) { }

    record DecisionRequest(@Nullable String decision, @Nullable String note) { }

    record RatingRequest(@Nullable Integer score, @Nullable String comment, @Nullable Boolean complaint) { }

    record Rated(int score, String comment, boolean complaint) { }

    /** An invoice number is 1 to 64 visible characters without spaces at its ends (it keys the platform-wide claim). */
    static RedemptionRequest redeem(RedeemRequest r) {
        RequestErrors e = new RequestErrors();
        String invoice = invoiceNumber(e, r.invoiceNumber());
        Long amount = e.money("invoiceAmount", r.invoiceAmount(), true);
        Category category = e.required("category", r.category());
        String description = e.text("serviceDescription", r.serviceDescription(), VoucherLimits.TEXT);
        String dealId = e.optionalText("dealId", r.dealId(), VoucherRequests.MAX_ID);
        if (!e.ok() || invoice == null || amount == null || category == null || description == null) throw e.failure();
        return new RedemptionRequest(invoice, amount, category, description, dealId);
    }

    /** An invoice number: 1 to 64 characters, no control characters, no spaces at the ends. */
    static @Nullable String invoiceNumber(RequestErrors e, @Nullable String raw) {
        String invoice = e.text("invoiceNumber", raw, VoucherLimits.INVOICE_NUMBER);
        if (invoice != null && (!invoice.strip().equals(invoice) || invoice.chars().anyMatch(Character::isISOControl))) {
            e.add("invoiceNumber", "invalid", "no control characters, no spaces at the ends");
        }
        return invoice;
    }

    /** {@code APPROVE} (true) or {@code REJECT} (false), and the note. */
    static Map.Entry<Boolean, String> decision(DecisionRequest r) {
        RequestErrors e = new RequestErrors();
        String d = e.required("decision", r.decision());
        if (d != null && !d.equals("APPROVE") && !d.equals("REJECT")) e.add("decision", "invalid", "APPROVE or REJECT");
        String note = e.optionalText("note", r.note(), VoucherLimits.TEXT);
        if (!e.ok() || d == null) throw e.failure();
        return Map.entry(d.equals("APPROVE"), note == null ? "" : note);
    }

    /** The score's range (1-5) is the domain's rule (422 invalid-rating); here only presence and bounds. */
    static Rated rating(RatingRequest r) {
        RequestErrors e = new RequestErrors();
        Integer score = e.required("score", r.score());
        String comment = e.optionalText("comment", r.comment(), VoucherLimits.TEXT);
        if (!e.ok() || score == null) throw e.failure();
        return new Rated(score, comment == null ? "" : comment, Boolean.TRUE.equals(r.complaint()));
    }
}
