package io.quietwatch.parse;

import io.quietwatch.event.LogEvent;
import io.quietwatch.event.LogEventBuilder;

/**
 * Logs that tie an address to a user. USERID: Virtual System, Source IP, User, Data Source Name, Event
 * ID, ..., Device Name (index 25); subtype {@code login} maps the address to the user (a session start),
 * {@code logout} ends the mapping. HIPMATCH: Source User, Virtual System, Machine Name, Operating
 * System, Source Address, HIP (the event code), ..., Device Name (24).
 */
final class PanOsUserId {
    static final int USERID_SOURCE_IP = 8;
    static final int USERID_USER = 9;
    static final int USERID_DEVICE_NAME = 25;
    static final int HIP_USER = 7;
    static final int HIP_SOURCE = 11;
    static final int HIP_NAME = 12;
    static final int HIP_DEVICE_NAME = 24;

    private PanOsUserId() {
    }

    static void userId(PanOsCsv f, LogEventBuilder b) {
        int found = f.ensure(USERID_DEVICE_NAME + 1);
        if (found <= USERID_USER) {
            throw PanOsFieldException.tooFewFields("USERID", found, USERID_USER + 1);
        }
        boolean login = f.is(PanOsParser.SUBTYPE, "login");
        boolean logout = f.is(PanOsParser.SUBTYPE, "logout");
        b.category(login || logout ? LogEvent.CATEGORY_SESSION : null)
                .action(f.text(PanOsParser.SUBTYPE))
                .phase(login ? LogEvent.START : logout ? LogEvent.END : null)
                .sourceIp(PanOsNetwork.optionalAddress(f, USERID_SOURCE_IP, "Source IP"))
                .userName(f.text(USERID_USER));
        PanOsParser.deviceName(f, USERID_DEVICE_NAME, b);
    }

    static void hipMatch(PanOsCsv f, LogEventBuilder b) {
        int found = f.ensure(HIP_DEVICE_NAME + 1);
        if (found <= HIP_NAME) {
            throw PanOsFieldException.tooFewFields("HIPMATCH", found, HIP_NAME + 1);
        }
        b.userName(f.text(HIP_USER))
                .sourceIp(PanOsNetwork.optionalAddress(f, HIP_SOURCE, "Source Address"))
                .eventCode(f.text(HIP_NAME));
        PanOsParser.deviceName(f, HIP_DEVICE_NAME, b);
    }
}
