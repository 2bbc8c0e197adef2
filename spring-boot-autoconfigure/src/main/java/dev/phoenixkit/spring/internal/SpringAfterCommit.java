package dev.phoenixkit.spring.internal;

import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs event delivery after the commit of the Spring transaction the write joined, and drops it on rollback; runs at
 * once when no transaction is synchronising on this thread.
 */
public final class SpringAfterCommit implements Consumer<Runnable> {
    @Override
    public void accept(Runnable delivery) {
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    delivery.run();
                }
            });
        } else {
            delivery.run();
        }
    }
}
