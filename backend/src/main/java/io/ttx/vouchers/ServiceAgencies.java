package io.ttx.vouchers;

import io.ttx.identity.CurrentUser;
import io.ttx.shared.Ids;
import io.ttx.vouchers.domain.Admission;
import io.ttx.vouchers.domain.Agency;
import io.ttx.vouchers.domain.AgencyStatus;
import io.ttx.vouchers.domain.Caller;
import io.ttx.vouchers.domain.Category;
import io.ttx.vouchers.domain.VoucherCodes;
import io.ttx.vouchers.persistence.AgencyDocument;
import io.ttx.vouchers.persistence.AgencyExtrasStore;
import io.ttx.vouchers.persistence.AgencyStore;
import io.ttx.vouchers.persistence.ObjectionDocument;
import io.ttx.vouchers.persistence.ProductDocument;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Service agencies (module API): applying for admission in a province, objections during the public notice, the
 * province's decision, and the admitted agency's service products. Lists are readable by every authenticated caller.
 */
@Service
public class ServiceAgencies {
    static final String ID_PREFIX = "sag";
    /** Products one agency publishes at most (409 limit-reached above). */
    static final int MAX_PRODUCTS = 200;
    private final AgencyStore agencies;
    private final AgencyExtrasStore extras;
    private final VoucherProperties props;
    private final Clock clock;

    ServiceAgencies(AgencyStore agencies, AgencyExtrasStore extras, VoucherProperties props, Clock clock) {
        this.agencies = agencies;
        this.extras = extras;
        this.props = props;
        this.clock = clock;
    }

    /** See {@link Admission#apply}: 403 for a non-agency, 422 invalid-agency. */
    public Mono<AgencyView> apply(CurrentUser user, Admission.Application application) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            Agency a = VoucherProblem.decided(Admission.apply(Ids.next(ID_PREFIX, now), application, VoucherCallers.of(user), props.noticePeriod(), now));
            return agencies.insert(AgencyDocument.of(a)).map(d -> AgencyView.of(d.agency(), true));
        });
    }

    public Mono<AgencyView> get(CurrentUser user, String id) {
        return find(id).map(d -> view(user, d.agency()));
    }

    /** Newest first, optionally of one province, status or organisation. */
    public Mono<List<AgencyView>> list(CurrentUser user, @Nullable String region, @Nullable AgencyStatus status, @Nullable String org,
                                      @Nullable String before, int size) {
        return agencies.page(region, status == null ? null : status.name(), org, before, size).map(d -> view(user, d.agency())).collectList();
    }

    /**
     * An objection by any authenticated caller while the notice runs (409 notice-ended after). The count on the agency is
     * one write conditional on its version; a concurrent objection makes it read and count again.
     */
    public Mono<ObjectionView> object(CurrentUser user, String id, String text) {
        return Mono.defer(() -> find(id)).flatMap(d -> {
            Instant now = clock.instant();
            Agency next = VoucherProblem.decided(Admission.object(d.agency(), now));
            return agencies.replace(AgencyDocument.of(next), d.version()).switchIfEmpty(Mono.error(Concurrent::new))
                .flatMap(saved -> extras.insert(new ObjectionDocument(Ids.next("obj", now), id, text, user.subject(), now)))
                .map(o -> new ObjectionView(o.id(), id, o.text(), o.at()));
        }).retryWhen(Races.atOnce(Concurrent.class, 100));
    }

    /** Another write changed the agency between the read and the write: read and decide again. */
    private static final class Concurrent extends RuntimeException {
        Concurrent() {
            super(null, null, false, false);
        }
    }

    /** See {@link Admission#decide}: the province's region admin; admission after the notice. */
    public Mono<AgencyView> decide(CurrentUser user, String id, boolean admit, String note) {
        return find(id).flatMap(d -> {
            Agency next = VoucherProblem.decided(Admission.decide(d.agency(), VoucherCallers.of(user), admit, note, clock.instant()));
            return agencies.replace(AgencyDocument.of(next), d.version())
                .switchIfEmpty(Mono.error(() -> VoucherProblem.changed("agency")))
                .map(saved -> AgencyView.of(saved.agency(), true));
        });
    }

    /**
     * Publishes a product: an agency user of the agency's organisation (403), admitted (409 agency-not-admitted), the
     * category one of its admission (422 category-not-eligible), at most {@value #MAX_PRODUCTS} (409 limit-reached).
     */
    public Mono<ProductView> addProduct(CurrentUser user, String id, Category category, String name, long price) {
        return find(id).flatMap(d -> {
            Agency a = d.agency();
            Caller caller = VoucherCallers.of(user);
            if (!caller.roles().contains(Caller.Role.AGENCY) || !a.org().equals(caller.org())) {
                throw new VoucherProblem(VoucherCodes.FORBIDDEN, VoucherProblem.Kind.FORBIDDEN, "only the agency publishes its products");
            }
            if (a.status() != AgencyStatus.ADMITTED) {
                throw new VoucherProblem(VoucherCodes.AGENCY_NOT_ADMITTED, VoucherProblem.Kind.CONFLICT, "the agency is " + a.status());
            }
            if (!a.categories().contains(category)) {
                throw new VoucherProblem(VoucherCodes.CATEGORY_NOT_ELIGIBLE, VoucherProblem.Kind.INVALID, category + " is not in the agency's admission");
            }
            Instant now = clock.instant();
            return extras.productCount(id).flatMap(n -> n >= MAX_PRODUCTS
                ? Mono.error(new VoucherProblem("limit-reached", VoucherProblem.Kind.CONFLICT, "an agency publishes at most " + MAX_PRODUCTS + " products"))
                : extras.insert(new ProductDocument(Ids.next("prd", now), id, category.name(), name, price, now)).map(ServiceAgencies::product));
        });
    }

    public Mono<List<ProductView>> products(String id) {
        return find(id).flatMap(d -> extras.products(id, MAX_PRODUCTS).map(ServiceAgencies::product).collectList());
    }

    private static ProductView product(ProductDocument p) {
        return new ProductView(p.id(), p.agencyId(), Category.valueOf(p.category()), p.name(), ProgrammeView.money(p.price()), p.createdAt());
    }

    private static AgencyView view(CurrentUser user, Agency a) {
        Caller c = VoucherCallers.of(user);
        boolean sees = a.org().equals(c.org()) && c.roles().contains(Caller.Role.AGENCY) || c.administers(a.region())
            || c.roles().contains(Caller.Role.ADMIN) || c.roles().contains(Caller.Role.AUDITOR);
        return AgencyView.of(a, sees);
    }

    private Mono<AgencyDocument> find(String id) {
        return agencies.find(id).switchIfEmpty(Mono.error(() -> VoucherProblem.notFound("service agency", id)));
    }
}
