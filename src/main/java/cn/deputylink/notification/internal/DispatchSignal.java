package cn.deputylink.notification.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells this node's dispatcher that a message was queued, once the queuing transaction
 * has committed: a message then leaves within moments instead of at the next scheduled
 * run. Other nodes still find it on their schedule; without a listener (the dispatcher is
 * off) the signal does nothing.
 */
@Component
class DispatchSignal {

	private volatile @Nullable Runnable listener;

	void listen(Runnable r) {
		this.listener = r;
	}

	void raiseAfterCommit() {
		Runnable l = listener;
		if (l == null) {
			return;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			l.run();
			return;
		}
		// once per transaction, however many messages it queues
		if (TransactionSynchronizationManager.hasResource(this)) {
			return;
		}
		TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(DispatchSignal.this);
				if (status == STATUS_COMMITTED) {
					l.run();
				}
			}
		});
	}

}
