package io.ttx.valuation;

import io.ttx.catalogue.AchievementFacts;
import io.ttx.catalogue.Achievements;
import io.ttx.catalogue.ListingGrant;
import io.ttx.catalogue.ListingStatus;
import io.ttx.catalogue.TechField;
import io.ttx.identity.CurrentUser;
import io.ttx.identity.Role;
import io.ttx.valuation.domain.ValuationEngine;
import io.ttx.valuation.domain.ValuationRequest;
import io.ttx.valuation.persistence.ValuationDocument;
import io.ttx.valuation.persistence.ValuationStore;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The service around the engine: where the computation runs, what is stored, who is refused before any work. */
class ValuationServiceTests {
    static final String ORG = "123301002024041188";
    static final CurrentUser TTO = new CurrentUser("tto", Set.of(Role.TTO), ORG, "330100");

    final Achievements achievements = mock(Achievements.class);
    final ValuationStore store = mock(ValuationStore.class);
    final ValuationEngine engine = spy(new ValuationEngine());
    final Clock clock = Clock.fixed(Instant.parse("2026-11-27T11:00:00Z"), ZoneOffset.UTC);
    final Valuations valuations = new Valuations(achievements, store, (field, limit) -> Mono.just(List.of()),
        ValuationProperties.defaults(), engine, clock);

    ValuationServiceTests() {
        when(achievements.facts(any(), eq("ach_1"))).thenReturn(Mono.just(new AchievementFacts(
            new ListingGrant("ach_1", ORG, ListingStatus.DRAFT, true, true), 5, false, TechField.NEW_ENERGY)));
        when(store.insert(any())).thenAnswer(i -> Mono.just(i.getArgument(0)));
    }

    @Test
    void theEngineRunsOnABoundedElasticWorkerNeverOnTheCallersThread() {
        AtomicReference<String> engineThread = new AtomicReference<>();
        doAnswer(i -> {
            engineThread.set(Thread.currentThread().getName());
            return i.callRealMethod();
        }).when(engine).evaluate(any());
        ValuationInput input = ValuationInputMappingTests.read(ValuationInputMappingTests.ALL_METHODS);

        // subscribed from a thread that stands in for an event loop (non-blocking, like reactor-netty's)
        StepVerifier.create(valuations.create(TTO, "ach_1", input).subscribeOn(Schedulers.parallel()))
            .assertNext(v -> assertThat(v.recommended().low()).isEqualTo("1863912.17"))
            .verifyComplete();
        assertThat(engineThread.get()).startsWith("boundedElastic-");
    }

    @Test
    void storesInputRuleSetFiguresAndWhoWhenInOneInsert() {
        ValuationInput input = ValuationInputMappingTests.read(ValuationInputMappingTests.ALL_METHODS);

        StepVerifier.create(valuations.create(TTO, "ach_1", input)).expectNextCount(1).verifyComplete();

        verify(store).insert(org.mockito.ArgumentMatchers.<ValuationDocument>argThat(d -> d.input().equals(input)
            && d.createdBy().equals("tto") && d.createdByOrg().equals(ORG) && d.ownerOrg().equals(ORG)
            && d.createdAt().equals(clock.instant()) && d.id().startsWith("val_") && d.trl() == 5
            && d.ruleSet().equals(ValuationProperties.defaults().ruleSet())
            && d.results().incomeDcf().value().equals("5804612.95")));
    }

    @Test
    void anEnterpriseIsRefusedBeforeAnyComputation() {
        CurrentUser enterprise = new CurrentUser("enterprise", Set.of(Role.ENTERPRISE), "913100002024041234", "310000");
        ValuationInput input = ValuationInputMappingTests.read(ValuationInputMappingTests.ALL_METHODS);

        StepVerifier.create(valuations.create(enterprise, "ach_1", input)).verifyError(ValuationForbidden.class);
        verify(engine, never()).evaluate(any(ValuationRequest.class));
        verify(store, never()).insert(any());
    }

    @Test
    void anotherOrganisationsTtoMayNotValueButAnEvaluatorMay() {
        CurrentUser otherTto = new CurrentUser("tto-2", Set.of(Role.TTO), "123201002024041199", "320100");
        CurrentUser evaluator = new CurrentUser("evaluator", Set.of(Role.EVALUATOR), "913100002024041299", "310000");
        ValuationInput input = ValuationInputMappingTests.read(ValuationInputMappingTests.ALL_METHODS);

        StepVerifier.create(valuations.create(otherTto, "ach_1", input)).verifyError(ValuationForbidden.class);
        StepVerifier.create(valuations.create(evaluator, "ach_1", input)).expectNextCount(1).verifyComplete();
    }

    @Test
    void anAchievementWhoseFactsCompleteEmptyIsNotFound() {
        when(achievements.facts(any(), eq("ach_gone"))).thenReturn(Mono.empty());
        ValuationInput input = ValuationInputMappingTests.read(ValuationInputMappingTests.ALL_METHODS);

        StepVerifier.create(valuations.create(TTO, "ach_gone", input)).verifyError(io.ttx.catalogue.ListingNotFound.class);
    }
}
