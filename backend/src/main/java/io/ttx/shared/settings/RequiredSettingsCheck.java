package io.ttx.shared.settings;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

import java.util.List;

/**
 * Checks the prod profile's required settings as soon as the environment is known, before any bean is made or any
 * store is dialled, and stops the start with {@link InvalidSetting} (reported by {@link InvalidSettingAnalyzer} as
 * one line) instead of a placeholder error deep in a bean's stack trace. It runs just after logging is initialised:
 * earlier, Boot's logging would swallow the report. Registered in META-INF/spring.factories: no bean exists yet.
 * Other profiles have a default for every setting (the dev stack).
 */
class RequiredSettingsCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {
    static final String PROFILE = "prod";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        check(event.getEnvironment());
    }

    static void check(ConfigurableEnvironment environment) {
        if (!environment.matchesProfiles(PROFILE)) return;
        List<String> problems = RequiredSettings.problems(Binder.get(environment), RequiredSettings.PROD);
        if (!problems.isEmpty()) throw new InvalidSetting(problems);
    }

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
