package io.ttx.brokerage.domain;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A command on a deal with its payload, one record per {@link CommandType}. Who may issue it in which stage is in
 * {@link Transitions}; what else it must satisfy is on each record.
 */
public sealed interface DealCommand {

    CommandType type();

    /** A broker takes the deal for its organisation; 409 already-assigned when a broker is set. */
    record Claim() implements DealCommand {
        @Override
        public CommandType type() {
            return CommandType.CLAIM;
        }
    }

    /** The seller or an admin assigns a broker organisation (USCC; its shape is the caller's check); as a claim. */
    record AssignBroker(String brokerOrg) implements DealCommand {
        public AssignBroker {
            Objects.requireNonNull(brokerOrg, "brokerOrg");
        }

        @Override
        public CommandType type() {
            return CommandType.ASSIGN_BROKER;
        }
    }

    /** One side signs the NDA; 409 already-signed if that side did. */
    record SignNda(String signatory, String ndaVersion) implements DealCommand {
        public SignNda {
            Objects.requireNonNull(signatory, "signatory");
            Objects.requireNonNull(ndaVersion, "ndaVersion");
        }

        @Override
        public CommandType type() {
            return CommandType.SIGN_NDA;
        }
    }

    /** The buyer takes a fixed-price listing at its asking price: terms agreed at once. */
    record AcceptAskingPrice() implements DealCommand {
        @Override
        public CommandType type() {
            return CommandType.ACCEPT_ASKING_PRICE;
        }
    }

    /** A new term sheet version (checked by {@link TermSheet#problem()} and against the listing). */
    record ProposeTerms(TermSheet terms) implements DealCommand {
        public ProposeTerms {
            Objects.requireNonNull(terms, "terms");
        }

        @Override
        public CommandType type() {
            return CommandType.PROPOSE_TERMS;
        }
    }

    /** A party accepts a version, which must be the current one (409 terms-superseded). */
    record AcceptTerms(int termsVersion) implements DealCommand {
        @Override
        public CommandType type() {
            return CommandType.ACCEPT_TERMS;
        }
    }

    /** One side signs the contract on the agreed terms; 409 already-signed if that side did. */
    record SignContract() implements DealCommand {
        @Override
        public CommandType type() {
            return CommandType.SIGN_CONTRACT;
        }
    }

    /** The broker records the contract's registration; amounts in fen, technical income at most the value. */
    record RegisterContract(String registrationNumber, LocalDate registeredOn, ContractType contractType,
            long contractValue, long technicalIncome) implements DealCommand {
        public RegisterContract {
            Objects.requireNonNull(registrationNumber, "registrationNumber");
            Objects.requireNonNull(registeredOn, "registeredOn");
            Objects.requireNonNull(contractType, "contractType");
        }

        @Override
        public CommandType type() {
            return CommandType.REGISTER_CONTRACT;
        }
    }

    /** A payment received; {@code milestone} names the milestone of a MILESTONE payment and is null otherwise. */
    record RecordPayment(PaymentKind kind, long amount, LocalDate paidOn, @Nullable String milestone)
            implements DealCommand {
        public RecordPayment {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(paidOn, "paidOn");
        }

        @Override
        public CommandType type() {
            return CommandType.RECORD_PAYMENT;
        }
    }

    /** The buyer's net sales (fen) for a year; {@code closesYear} closes the year with its true-up. */
    record FileRoyaltyStatement(int year, long netSales, boolean closesYear) implements DealCommand {
        @Override
        public CommandType type() {
            return CommandType.ROYALTY_STATEMENT;
        }
    }

    /** Closes a year that has ended, with its true-up. */
    record CloseRoyaltyYear(int year) implements DealCommand {
        @Override
        public CommandType type() {
            return CommandType.CLOSE_ROYALTY_YEAR;
        }
    }

    /** Upfront and milestones are paid: the deal closes (royalties go on). */
    record Close() implements DealCommand {
        @Override
        public CommandType type() {
            return CommandType.CLOSE;
        }
    }

    /** Ends a signed contract; the grant ends on {@code effectiveOn}. */
    record Terminate(String reason, LocalDate effectiveOn) implements DealCommand {
        public Terminate {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(effectiveOn, "effectiveOn");
        }

        @Override
        public CommandType type() {
            return CommandType.TERMINATE;
        }
    }

    /** A party walks away before the contract is signed. */
    record Withdraw(String reason) implements DealCommand {
        public Withdraw {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public CommandType type() {
            return CommandType.WITHDRAW;
        }
    }

    /** The seller turns the buyer down before the contract is signed. */
    record Reject(String reason) implements DealCommand {
        public Reject {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public CommandType type() {
            return CommandType.REJECT;
        }
    }
}
