package io.quietwatch.engine;

import com.espertech.esper.common.client.EPCompiled;
import com.espertech.esper.common.client.EventBean;
import com.espertech.esper.common.client.fireandforget.EPFireAndForgetPreparedQueryParameterized;
import io.quietwatch.alert.Alert;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Names the user of an alert's host from the VPN sessions the {@code vpn-user} rules keep in the table
 * {@code VpnSession} (assigned address to user), when the rule did not name one (detection D8). If no
 * rule file declares that table, alerts are left as they are.
 */
final class VpnUsers {
    private static final Logger LOG = LogManager.getLogger(VpnUsers.class);
    static final VpnUsers NONE = new VpnUsers(null, null);

    private final RuleEngine engine;
    private final EPFireAndForgetPreparedQueryParameterized query;

    private VpnUsers(RuleEngine engine, EPFireAndForgetPreparedQueryParameterized query) {
        this.engine = engine;
        this.query = query;
    }

    static VpnUsers of(RuleEngine engine) {
        EPCompiled compiled;
        try {
            compiled = engine.compileQuery("select userName from VpnSession where assignedIp = ?:ip:string");
        } catch (IllegalArgumentException e) {
            LOG.info("No VpnSession table in the rules: alerts are not enriched with VPN users");
            return NONE;
        }
        return new VpnUsers(engine, engine.runtime().getFireAndForgetService().prepareQueryWithParameters(compiled));
    }

    Alert name(Alert a) {
        if (query == null || a.userName() != null || a.hostIp() == null) {
            return a;
        }
        query.setObject("ip", a.hostIp());
        EventBean[] rows = engine.runtime().getFireAndForgetService().executeQuery(query).getArray();
        if (rows.length == 0 || rows[0].get("userName") == null) {
            return a;
        }
        return a.withUser(rows[0].get("userName").toString());
    }
}
