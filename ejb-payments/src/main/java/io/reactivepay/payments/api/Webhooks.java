package io.reactivepay.payments.api;

import jakarta.ejb.Local;
import java.util.List;
import java.util.UUID;

/** The merchant's view of its webhook deliveries, and replay. */
@Local
public interface Webhooks {

    /** Deliveries newest first; {@code cursor} from the previous page or null; {@code limit} 1 to 100. */
    Page<DeliveryView> deliveries(UUID merchantId, String cursor, int limit);

    /**
     * Sends the delivery's event again, now, as a new delivery (the event id stays the same, so the
     * merchant's deduplication still works).
     *
     * @throws PaymentsException {@link PaymentsException#DELIVERY_NOT_FOUND}
     */
    DeliveryView replay(UUID merchantId, UUID deliveryId);

    /**
     * The delivery's attempts, first to last.
     *
     * @throws PaymentsException {@link PaymentsException#DELIVERY_NOT_FOUND}
     */
    List<DeliveryAttempt> attempts(UUID merchantId, UUID deliveryId);
}
