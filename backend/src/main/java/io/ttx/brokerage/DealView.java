package io.ttx.brokerage;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ttx.brokerage.domain.Broker;
import io.ttx.brokerage.domain.ContractType;
import io.ttx.brokerage.domain.Deal;
import io.ttx.brokerage.domain.DealStage;
import io.ttx.brokerage.domain.NextAction;
import io.ttx.brokerage.domain.Payment;
import io.ttx.brokerage.domain.PaymentKind;
import io.ttx.brokerage.domain.RoyaltyTier;
import io.ttx.brokerage.domain.RoyaltyYear;
import io.ttx.brokerage.domain.Side;
import io.ttx.brokerage.domain.TermSheet;
import io.ttx.brokerage.domain.TermsVersion;
import io.ttx.brokerage.domain.TransferMode;
import io.ttx.catalogue.Money;
import io.ttx.shared.Cny;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A deal as its parties, broker, admins and auditors see it. {@code termSheet} is the current one: the agreed terms
 * from TERMS_AGREED on, before that the latest proposal ({@code termsVersion}, who proposed and who accepted it).
 * Amounts are Money objects in yuan. {@code demandId}, {@code broker}, {@code termSheet} and {@code commission} are
 * always present (null until they exist), as the deal's contract with clients shows them; other absent members are
 * left out, as everywhere. {@code idleDays} and {@code nextAction} are only in the broker dashboard
 * ({@code view=broker}); {@code statement} only in the answer to a royalty statement or a year's closing.
 */
public record DealView(String id, String achievementId, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String demandId,
                       String sellerOrg, String buyerOrg, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable BrokerView broker, DealStage stage, long version, TransferMode intendedMode,
                       @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable TermSheetView termSheet, @Nullable Integer termsVersion, @Nullable Side termsProposedBy,
                       Set<Side> termsAcceptedBy, Set<Side> ndaSignedBy, Set<Side> contractSignedBy,
                       @Nullable Money contractValue,
                       @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Money commission, @Nullable RegistrationView registration,
                       List<PaymentView> payments, List<RoyaltyYearView> royaltyYears, @Nullable LocalDate terminatedOn,
                       Instant createdAt, Instant updatedAt,
                       @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Long idleDays,
                       @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable NextAction nextAction,
                       @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable StatementView statement) {

    public record BrokerView(String org, @Nullable String subject) { }

    public record TermSheetView(TransferMode transferMode, List<String> fieldOfUse, List<String> territory, LocalDate termStart,
                                @Nullable LocalDate termEnd, boolean sublicensing, Money upfront, List<MilestoneView> milestones,
                                List<TierView> royaltyTiers, @Nullable Money minimumAnnualRoyalty, @Nullable String equityPercent) { }

    public record MilestoneView(String name, Money amount, LocalDate dueOn) { }

    public record TierView(@Nullable Money upTo, String rate) { }

    public record RegistrationView(String registrationNumber, LocalDate registeredOn, ContractType contractType,
                                   Money contractValue, Money technicalIncome) { }

    public record PaymentView(PaymentKind kind, Money amount, LocalDate paidOn, @Nullable String milestone, String recordedBy,
                              Instant recordedAt) { }

    public record RoyaltyYearView(int year, Money netSales, Money due, Money trueUp, boolean closed, List<StatementLine> statements) { }

    public record StatementLine(Money netSales, Money due, String filedBy, Instant filedAt) { }

    /** The answer's account of a royalty statement or closing: this one's due and true-up, the year so far. */
    public record StatementView(int year, Money due, Money trueUp, Money cumulativeNetSales, Money cumulativeDue, boolean closed) { }

    /** The ETag of this version. */
    public String etag() {
        return "\"" + version + "\"";
    }

    static DealView of(Deal d) {
        TermsVersion current = d.currentTerms().orElse(null);
        TermSheet sheet = d.agreedTerms() != null ? d.agreedTerms() : current == null ? null : current.terms();
        Broker b = d.broker();
        return new DealView(d.id().value(), d.achievementId(), d.demandId(), d.sellerOrg(), d.buyerOrg(),
            b == null ? null : new BrokerView(b.org(), b.subject()), d.stage(), d.version(), d.intendedMode(),
            sheet == null ? null : sheet(sheet), current == null ? null : current.number(), current == null ? null : current.proposedBy(),
            current == null ? Set.of() : current.acceptedBy(), d.ndaSignedBy(), d.contractSignedBy(),
            d.agreedTerms() == null ? null : money(d.agreedTerms().contractValue()),
            d.commissionRate() == null ? null : money(d.commission()),
            d.registration() == null ? null : new RegistrationView(d.registration().number(), d.registration().registeredOn(),
                d.registration().contractType(), money(d.registration().contractValue()), money(d.registration().technicalIncome())),
            d.payments().stream().map(DealView::payment).toList(), d.royaltyYears().stream().map(DealView::year).toList(),
            d.terminatedOn(), d.createdAt(), d.updatedAt(), null, null, null);
    }

    DealView forBroker(long idle, NextAction next) {
        return new DealView(id, achievementId, demandId, sellerOrg, buyerOrg, broker, stage, version, intendedMode, termSheet,
            termsVersion, termsProposedBy, termsAcceptedBy, ndaSignedBy, contractSignedBy, contractValue, commission, registration,
            payments, royaltyYears, terminatedOn, createdAt, updatedAt, idle, next, null);
    }

    DealView withStatement(StatementView s) {
        return new DealView(id, achievementId, demandId, sellerOrg, buyerOrg, broker, stage, version, intendedMode, termSheet,
            termsVersion, termsProposedBy, termsAcceptedBy, ndaSignedBy, contractSignedBy, contractValue, commission, registration,
            payments, royaltyYears, terminatedOn, createdAt, updatedAt, idleDays, nextAction, s);
    }

    static StatementView statement(RoyaltyYear y, long due, long trueUp) {
        return new StatementView(y.year(), money(due), money(trueUp), money(y.netSales()), money(y.due()), y.closed());
    }

    static Money money(long fen) {
        return new Money(Cny.format(fen), "CNY");
    }

    static TermSheetView sheet(TermSheet t) {
        return new TermSheetView(t.transferMode(), t.fieldOfUse(), t.territory(), t.termStart(), t.termEnd(), t.sublicensing(),
            money(t.upfront()), t.milestones().stream().map(m -> new MilestoneView(m.name(), money(m.amount()), m.dueOn())).toList(),
            t.royaltyTiers().stream().map(DealView::tier).toList(),
            t.minimumAnnualRoyalty() == null ? null : money(t.minimumAnnualRoyalty()),
            t.equityPercent() == null ? null : t.equityPercent().toPlainString());
    }

    private static TierView tier(RoyaltyTier t) {
        return new TierView(t.upTo() == null ? null : money(t.upTo()), t.rate().toPlainString());
    }

    private static PaymentView payment(Payment p) {
        return new PaymentView(p.kind(), money(p.amount()), p.paidOn(), p.milestone(), p.recordedBy(), p.recordedAt());
    }

    private static RoyaltyYearView year(RoyaltyYear y) {
        return new RoyaltyYearView(y.year(), money(y.netSales()), money(y.due()), money(y.trueUp()), y.closed(),
            y.statements().stream().map(s -> new StatementLine(money(s.netSales()), money(s.due()), s.filedBy(), s.filedAt())).toList());
    }
}
