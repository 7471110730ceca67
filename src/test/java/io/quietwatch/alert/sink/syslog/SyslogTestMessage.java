package io.quietwatch.alert.sink.syslog;

/**
 * An RFC 5424 message split the way a receiver splits it: {@code <PRI>1 TIMESTAMP HOSTNAME APP-NAME
 * PROCID MSGID SD MSG}, with a {@code -} structured data (the only kind the sink writes).
 */
record SyslogTestMessage(int pri, String timestamp, String hostname, String appName, String procId, String msgId,
                         String structuredData, String msg) {

    static SyslogTestMessage parse(String line) {
        if (!line.startsWith("<")) {
            throw new IllegalArgumentException("no PRI: " + line);
        }
        int close = line.indexOf('>');
        int pri = Integer.parseInt(line.substring(1, close));
        String[] parts = line.substring(close + 1).split(" ", 8);
        if (!parts[0].equals("1") || parts.length < 8) {
            throw new IllegalArgumentException("not RFC 5424: " + line);
        }
        return new SyslogTestMessage(pri, parts[1], parts[2], parts[3], parts[4], parts[5], parts[6], parts[7]);
    }

    CefTestParser.Cef cef() {
        return CefTestParser.parse(msg);
    }
}
