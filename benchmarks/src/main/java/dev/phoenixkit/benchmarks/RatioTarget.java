package dev.phoenixkit.benchmarks;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The target for one benchmark class, printed beside the measured ratio in {@code results.md}.
 *
 * <p>The ratio is {@code library / baseline} (and {@code library / floor} when the class has a {@code floor}
 * method) of the mean time per operation; a target is met when the ratio is at most {@link #maxRatio()}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RatioTarget {

    /**
     * The benchmark's id in the issue.
     *
     * @return e.g. {@code "P3"}
     */
    String id();

    /**
     * The highest acceptable {@code library / baseline} ratio.
     *
     * @return e.g. {@code 1.15}
     */
    double maxRatio();

    /**
     * The highest acceptable {@code library / floor} ratio.
     *
     * @return the bound, or {@code 0} (the default) when the class has no floor
     */
    double maxFloorRatio() default 0;

    /**
     * A numeric {@code @Param} whose values should scale the time linearly; {@code results.md} then shows the time
     * per unit of that parameter at each value.
     *
     * @return the parameter name, or {@code ""} (the default) for none
     */
    String scalingParam() default "";
}
