package io.ttx.identity.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ttx.identity.CurrentUser;
import io.ttx.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
class MeController {

    /** {@code regions} only for peers (absent otherwise). */
    record MeResponse(String subject, List<String> roles, @Nullable String org, @Nullable String region,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> regions) { }

    @GetMapping(path = "/api/v1/me", produces = MediaType.APPLICATION_JSON_VALUE)
    MeResponse me(@AuthenticationPrincipal Jwt jwt) {
        CurrentUser user = CurrentUser.of(jwt);
        return new MeResponse(user.subject(), user.roles().stream().map(Role::claim).sorted().toList(), user.org(), user.region(),
            user.regions());
    }
}
