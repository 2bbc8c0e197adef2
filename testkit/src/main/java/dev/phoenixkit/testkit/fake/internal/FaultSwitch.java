package dev.phoenixkit.testkit.fake.internal;

import dev.phoenixkit.testkit.fake.FakeEndpoint;
import dev.phoenixkit.testkit.fake.Fault;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The faults switched on per endpoint group, each forever or for a number of requests. Thread-safe. */
public final class FaultSwitch {
    private final Map<FakeEndpoint, Rule> rules = new EnumMap<>(FakeEndpoint.class);

    private record Rule(Fault fault, int remaining) {}

    /**
     * @param endpoint the endpoint group
     * @param fault    the fault
     * @param times    how many requests get it; negative for all until cleared
     */
    public synchronized void set(FakeEndpoint endpoint, Fault fault, int times) {
        rules.put(endpoint, new Rule(fault, times));
    }

    /**
     * Takes the fault for one request.
     *
     * @param endpoint the endpoint group
     * @return the fault to produce, if any
     */
    public synchronized Optional<Fault> take(FakeEndpoint endpoint) {
        Rule rule = rules.get(endpoint);
        if (rule == null) {
            return Optional.empty();
        }
        if (rule.remaining() > 0) {
            if (rule.remaining() == 1) {
                rules.remove(endpoint);
            } else {
                rules.put(endpoint, new Rule(rule.fault(), rule.remaining() - 1));
            }
        }
        return Optional.of(rule.fault());
    }

    /** Switches every fault off. */
    public synchronized void clear() {
        rules.clear();
    }
}
