/**
 * Connection change events: the sealed {@link dev.phoenixkit.integrations.events.IntegrationEvent} and the bus
 * {@link dev.phoenixkit.integrations.events.IntegrationEvents} returned by {@code Integrations.events()}.
 */
package dev.phoenixkit.integrations.events;
