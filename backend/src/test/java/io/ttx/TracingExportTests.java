package io.ttx;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.ttx.testsupport.ApplicationYaml;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.PropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Traces leave the process over OTLP only when TTX_TRACING_EXPORT switches it on, to the endpoint configured. */
class TracingExportTests {

    @Test
    void nothingIsExportedByDefault() {
        runner(Map.of()).run(context -> assertThat(context.getBeansOfType(SpanExporter.class)).isEmpty());
    }

    @Test
    void theSwitchExportsToTheConfiguredEndpoint() {
        runner(Map.of("TTX_TRACING_EXPORT", "true", "TTX_OTLP_TRACES_ENDPOINT", "http://collector:4318/v1/traces")).run(context -> {
            assertThat(context).hasSingleBean(OtlpHttpSpanExporter.class);
            assertThat(context.getBean(OtlpHttpSpanExporter.class).toString()).contains("endpoint=http://collector:4318/v1/traces");
        });
    }

    /** The Boot auto-configurations of tracing, on the environment of application.yaml (prod keeps its switch). */
    private static ApplicationContextRunner runner(Map<String, String> variables) {
        return new ApplicationContextRunner()
            .withInitializer(c -> {
                for (PropertySource<?> source : ApplicationYaml.environment("prod", variables).getPropertySources()) {
                    c.getEnvironment().getPropertySources().addLast(source);
                }
            })
            .withConfiguration(AutoConfigurations.of(OpenTelemetrySdkAutoConfiguration.class, MicrometerTracingAutoConfiguration.class,
                OpenTelemetryTracingAutoConfiguration.class, OtlpTracingAutoConfiguration.class));
    }
}
