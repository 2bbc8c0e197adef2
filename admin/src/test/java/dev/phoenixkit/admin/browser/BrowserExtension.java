package dev.phoenixkit.admin.browser;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives browser tests a {@link Chromium} parameter. Without a working Chromium the tests are skipped with
 * {@link Chromium#HOW_TO_INSTALL}, unless {@code -Dphoenixkit.browser.required=true} (CI): then each fails with the
 * reason. The browser is started once per test JVM and quit when the JVM's tests end.
 */
public final class BrowserExtension implements ExecutionCondition, ParameterResolver, BeforeEachCallback {
    private static final Logger LOG = LoggerFactory.getLogger(BrowserExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Chromium.class);

    private static boolean required() {
        return Boolean.parseBoolean(System.getProperty("phoenixkit.browser.required", "false"));
    }

    /** The JVM's one browser start, closed with the root context. */
    private record Started(Chromium.Result result) implements AutoCloseable {
        @Override
        public void close() {
            if (result.chromium() != null) {
                result.chromium().close();
            }
        }
    }

    private static Chromium.Result browser(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        Started.class,
                        key -> {
                            Chromium.Result result = Chromium.start();
                            if (result.chromium() == null) {
                                LOG.warn("Browser tests {}: {}", required() ? "FAIL" : "are skipped", result.problem());
                            }
                            return new Started(result);
                        },
                        Started.class)
                .result();
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (required()) {
            return ConditionEvaluationResult.enabled("phoenixkit.browser.required=true");
        }
        Chromium.Result result = browser(context);
        return result.chromium() != null
                ? ConditionEvaluationResult.enabled("Chromium started")
                : ConditionEvaluationResult.disabled("Skipped: " + result.problem());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Chromium.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Chromium.Result result = browser(context);
        if (result.chromium() == null) {
            throw new ParameterResolutionException("phoenixkit.browser.required=true but " + result.problem());
        }
        return result.chromium();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Chromium.Result result = browser(context);
        if (result.chromium() != null) {
            result.chromium().reset();
        }
    }
}
