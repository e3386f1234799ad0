package io.ttx.vouchers.persistence;

import io.ttx.vouchers.domain.Agency;
import org.springframework.data.annotation.Id;

/** A service agency's admission as stored, with the copies the lists filter on. */
public record AgencyDocument(@Id String id, Agency agency, String org, String region, String status, long version) {
    public static AgencyDocument of(Agency a) {
        return new AgencyDocument(a.id(), a, a.org(), a.region(), a.status().name(), a.version());
    }
}
