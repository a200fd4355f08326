package io.reactivepay.fraud.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.reactivepay.fraud.api.FraudException;
import io.reactivepay.fraud.api.PartyKind;
import org.junit.jupiter.api.Test;

class PartyValuesTest {

    @Test
    void networksAreCanonicalAndAddressesAreSingleHostRanges() {
        assertEquals("10.0.0.0/8", PartyValues.normalise(PartyKind.IP, " 10.0.0.0/8 "));
        assertEquals("192.0.2.7/32", PartyValues.normalise(PartyKind.IP, "192.0.2.7"));
        assertEquals("2001:db8:0:0:0:0:0:0/32", PartyValues.normalise(PartyKind.IP, "2001:DB8::/32"));
        assertEquals("0.0.0.0/0", PartyValues.normalise(PartyKind.IP, "0.0.0.0/0"));
    }

    @Test
    void rangesWithHostBitsOrOutOfRangePrefixesAndNamesAreRefused() {
        for (String bad : new String[] {"10.0.0.1/8", "10.0.0.0/33", "::/129", "10.0.0.0/-1", "256.0.0.1", "localhost", "1.2.3"}) {
            FraudException refusal = assertThrows(FraudException.class, () -> PartyValues.normalise(PartyKind.IP, bad), bad);
            assertEquals(FraudException.INVALID_LIST_ENTRY, refusal.errorCode());
        }
    }

    @Test
    void eMailsAndPhonesHaveOneNormalForm() {
        assertEquals("anna@example.com", PartyValues.normalise(PartyKind.EMAIL, " Anna@Example.COM"));
        assertEquals("+442079461234", PartyValues.normalise(PartyKind.PHONE, "+44 (20) 7946-1234"));
        assertThrows(FraudException.class, () -> PartyValues.normalise(PartyKind.PHONE, "02079461234"));
        assertThrows(FraudException.class, () -> PartyValues.normalise(PartyKind.COUNTRY, "de"));
    }
}
