package io.reactivepay.connector.simulator;

import java.util.Arrays;
import java.util.Optional;

/**
 * The documented test cards (all pass the Luhn check; any expiry in the future, any 3-digit code). A
 * number not listed here is approved, like {@link #APPROVE}.
 */
public enum TestCard {
    APPROVE("4242424242424242", Behaviour.APPROVE, ""),
    INSUFFICIENT_FUNDS("4000000000009995", Behaviour.DECLINE, "insufficient_funds"),
    STOLEN_CARD("4000000000009979", Behaviour.DECLINE, "stolen_card"),
    DO_NOT_HONOUR("4000000000000002", Behaviour.DECLINE, "do_not_honour"),
    /** Pending: the customer is sent to the simulator's challenge page, which returns them to the shop. */
    THREE_D_SECURE("4000000000003220", Behaviour.CHALLENGE, ""),
    /** Approved, but the answer comes only after the simulator's slow delay: clients time out. */
    SLOW("4000000000000259", Behaviour.SLOW, ""),
    /** HTTP 500 without recording anything. */
    ERROR("4000000000000119", Behaviour.ERROR, "");

    enum Behaviour { APPROVE, DECLINE, CHALLENGE, SLOW, ERROR }

    private final String number;
    private final Behaviour behaviour;
    private final String declineReason;

    TestCard(String number, Behaviour behaviour, String declineReason) {
        this.number = number;
        this.behaviour = behaviour;
        this.declineReason = declineReason;
    }

    public String number() {
        return number;
    }

    Behaviour behaviour() {
        return behaviour;
    }

    String declineReason() {
        return declineReason;
    }

    static Optional<TestCard> of(String number) {
        return Arrays.stream(values()).filter(card -> card.number.equals(number)).findFirst();
    }
}
