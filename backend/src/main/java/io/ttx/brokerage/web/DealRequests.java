package io.ttx.brokerage.web;

import io.ttx.brokerage.domain.CommandType;
import io.ttx.brokerage.domain.ContractType;
import io.ttx.brokerage.domain.DealCommand;
import io.ttx.brokerage.domain.DealLimits;
import io.ttx.brokerage.domain.Milestone;
import io.ttx.brokerage.domain.PaymentKind;
import io.ttx.brokerage.domain.RoyaltyTier;
import io.ttx.brokerage.domain.TermSheet;
import io.ttx.brokerage.domain.TransferMode;
import io.ttx.catalogue.Money;
import io.ttx.shared.Uscc;
import io.ttx.shared.web.RequestErrors;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON bodies of the deal routes and their mapping to domain commands. Everything is bounded and parsed here,
 * before the deal is read: a missing or malformed member is 400 {@code validation-failed} naming it, an amount that is
 * not a CNY decimal with at most two decimals is 422 {@code invalid-amount} (the catalogue's money rules); what the
 * amounts and dates mean is the domain's rule.
 */
final class DealRequests {

    private DealRequests() { }

    /** {@code POST /api/v1/deals}. */
    record OpenRequest(@Nullable String achievementId, @Nullable String demandId, @Nullable String message,
                       @Nullable TransferMode intendedMode) { }

    record MilestoneInput(@Nullable String name, @Nullable Money amount, @Nullable LocalDate dueOn) { }

    record TierInput(@Nullable Money upTo, @Nullable String rate) { }

    record TermSheetInput(@Nullable TransferMode transferMode, @Nullable List<String> fieldOfUse, @Nullable List<String> territory,
                          @Nullable LocalDate termStart, @Nullable LocalDate termEnd, @Nullable Boolean sublicensing,
                          @Nullable Money upfront, @Nullable List<MilestoneInput> milestones, @Nullable List<TierInput> royaltyTiers,
                          @Nullable Money minimumAnnualRoyalty, @Nullable String equityPercent) { }

    /** {@code POST /api/v1/deals/{id}/commands}: {@code type} and the members that command takes. */
    record CommandRequest(@Nullable CommandType type, @Nullable String brokerOrg, @Nullable String signatory,
                          @Nullable String ndaVersion, @Nullable TermSheetInput termSheet, @Nullable Integer termsVersion,
                          @Nullable String registrationNumber, @Nullable LocalDate registeredOn, @Nullable ContractType contractType,
                          @Nullable Money contractValue, @Nullable Money technicalIncome, @Nullable PaymentKind kind,
                          @Nullable Money amount, @Nullable LocalDate paidOn, @Nullable String milestone, @Nullable Integer year,
                          @Nullable Money netSales, @Nullable Boolean closesYear, @Nullable String reason,
                          @Nullable LocalDate effectiveOn) { }

    /** The command a request asks for; 400 naming every missing or malformed member, 422 for a bad amount. */
    static DealCommand command(CommandRequest r) {
        Errors e = new Errors();
        CommandType type = e.required("type", r.type());
        if (type == null) throw e.failure();
        DealCommand c = switch (type) {
            case CLAIM -> new DealCommand.Claim();
            case ASSIGN_BROKER -> {
                String org = e.required("brokerOrg", r.brokerOrg());
                if (org != null && (org.length() != 18 || !Uscc.isValid(org))) e.add("brokerOrg", "invalid", "not a unified social credit code");
                yield e.ok() ? new DealCommand.AssignBroker(org) : null;
            }
            case SIGN_NDA -> {
                String who = e.text("signatory", r.signatory(), DealLimits.SHORT_TEXT);
                String version = e.text("ndaVersion", r.ndaVersion(), DealLimits.SHORT_TEXT);
                yield e.ok() ? new DealCommand.SignNda(who, version) : null;
            }
            case ACCEPT_ASKING_PRICE -> new DealCommand.AcceptAskingPrice();
            case PROPOSE_TERMS -> {
                TermSheetInput t = e.required("termSheet", r.termSheet());
                TermSheet sheet = t == null ? null : termSheet(t, e);
                yield e.ok() ? new DealCommand.ProposeTerms(sheet) : null;
            }
            case ACCEPT_TERMS -> {
                Integer v = e.required("termsVersion", r.termsVersion());
                yield e.ok() ? new DealCommand.AcceptTerms(v) : null;
            }
            case SIGN_CONTRACT -> new DealCommand.SignContract();
            case REGISTER_CONTRACT -> {
                String number = e.text("registrationNumber", r.registrationNumber(), DealLimits.SHORT_TEXT);
                LocalDate on = e.required("registeredOn", r.registeredOn());
                ContractType ct = e.required("contractType", r.contractType());
                Long value = e.money("contractValue", r.contractValue(), true);
                Long income = e.money("technicalIncome", r.technicalIncome(), true);
                yield e.ok() ? new DealCommand.RegisterContract(number, on, ct, value, income) : null;
            }
            case RECORD_PAYMENT -> {
                PaymentKind kind = e.required("kind", r.kind());
                Long amount = e.money("amount", r.amount(), true);
                LocalDate on = e.required("paidOn", r.paidOn());
                String milestone = e.optionalText("milestone", r.milestone(), DealLimits.MILESTONE_NAME);
                yield e.ok() ? new DealCommand.RecordPayment(kind, amount, on, milestone) : null;
            }
            case ROYALTY_STATEMENT -> {
                Integer year = e.required("year", r.year());
                Long sales = e.money("netSales", r.netSales(), true);
                yield e.ok() ? new DealCommand.FileRoyaltyStatement(year, sales, Boolean.TRUE.equals(r.closesYear())) : null;
            }
            case CLOSE_ROYALTY_YEAR -> {
                Integer year = e.required("year", r.year());
                yield e.ok() ? new DealCommand.CloseRoyaltyYear(year) : null;
            }
            case CLOSE -> new DealCommand.Close();
            case TERMINATE -> {
                String reason = e.text("reason", r.reason(), DealLimits.REASON);
                LocalDate on = e.required("effectiveOn", r.effectiveOn());
                yield e.ok() ? new DealCommand.Terminate(reason, on) : null;
            }
            case WITHDRAW -> {
                String reason = e.text("reason", r.reason(), DealLimits.REASON);
                yield e.ok() ? new DealCommand.Withdraw(reason) : null;
            }
            case REJECT -> {
                String reason = e.text("reason", r.reason(), DealLimits.REASON);
                yield e.ok() ? new DealCommand.Reject(reason) : null;
            }
        };
        if (c == null) throw e.failure();
        return c;
    }

    static @Nullable TermSheet termSheet(TermSheetInput t, Errors e) {
        TransferMode mode = e.required("termSheet.transferMode", t.transferMode());
        List<String> fields = e.codes("termSheet.fieldOfUse", t.fieldOfUse());
        List<String> territory = e.codes("termSheet.territory", t.territory());
        LocalDate start = e.required("termSheet.termStart", t.termStart());
        Long upfront = e.money("termSheet.upfront", t.upfront(), false);
        List<Milestone> milestones = new ArrayList<>();
        if (e.bounded("termSheet.milestones", t.milestones(), DealLimits.MILESTONES)) {
            for (int i = 0; i < t.milestones().size(); i++) {
                MilestoneInput m = t.milestones().get(i);
                String at = "termSheet.milestones[" + i + "]";
                if (m == null) {
                    e.add(at, "required", "must not be null");
                    continue;
                }
                String name = e.text(at + ".name", m.name(), DealLimits.MILESTONE_NAME);
                Long amount = e.money(at + ".amount", m.amount(), true);
                LocalDate due = e.required(at + ".dueOn", m.dueOn());
                if (name != null && amount != null && due != null) milestones.add(new Milestone(name, amount, due));
            }
        }
        List<RoyaltyTier> tiers = new ArrayList<>();
        if (e.bounded("termSheet.royaltyTiers", t.royaltyTiers(), DealLimits.ROYALTY_TIERS)) {
            for (int i = 0; i < t.royaltyTiers().size(); i++) {
                TierInput tier = t.royaltyTiers().get(i);
                String at = "termSheet.royaltyTiers[" + i + "]";
                if (tier == null) {
                    e.add(at, "required", "must not be null");
                    continue;
                }
                Long upTo = e.money(at + ".upTo", tier.upTo(), false);
                BigDecimal rate = e.decimal(at + ".rate", tier.rate(), true);
                if (rate != null) tiers.add(new RoyaltyTier(upTo, rate));
            }
        }
        Long minimum = e.money("termSheet.minimumAnnualRoyalty", t.minimumAnnualRoyalty(), false);
        BigDecimal equity = e.decimal("termSheet.equityPercent", t.equityPercent(), false);
        if (!e.ok() || mode == null || start == null) return null;
        return new TermSheet(mode, fields, territory, start, t.termEnd(), Boolean.TRUE.equals(t.sublicensing()),
            upfront == null ? 0 : upfront, milestones, tiers, minimum, equity);
    }

    /** The deal requests' collector: the shared one, plus code lists and decimal strings. */
    static final class Errors extends RequestErrors {
        /** A list of 1 to {@value DealLimits#CODES} short codes, counted as sent before any is looked at. */
        List<String> codes(String field, @Nullable List<String> raw) {
            if (raw == null || raw.isEmpty()) {
                add(field, "required", "must name at least one code");
                return List.of();
            }
            if (raw.size() > DealLimits.CODES) {
                add(field, "too-many", "at most " + DealLimits.CODES + " codes");
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (String code : raw) {
                if (code == null || code.isEmpty() || code.length() > 6) {
                    add(field, "invalid", "each code has 1 to 6 characters");
                    return List.of();
                }
                out.add(code);
            }
            return out;
        }
    }
}
