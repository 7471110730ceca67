package io.quietwatch.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class EplFunctionsTest {
    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "http://example.com/a/setup.EXE?x=1.zip#frag, exe",
            "http://example.com/download, NULL",
            "http://example.com/, NULL",
            "http://example.com, NULL",
            "http://example.com/dir.d/file, NULL",
            "https://cdn.example.com/x/y/tool.tar.gz, gz",
            "setup.msi, msi",
            "http://example.com/trailingdot., NULL",
            "NULL, NULL"})
    void fileExtension(String url, String ext) {
        assertThat(EplFunctions.fileExtension(url)).isEqualTo(ext);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "http://User@Example.COM:8080/path, example.com",
            "https://[2001:db8::1]:443/x, 2001:db8::1",
            "example.com:443, example.com",
            "http://203.0.113.5/x.exe, 203.0.113.5",
            "NULL, NULL"})
    void urlHost(String url, String host) {
        assertThat(EplFunctions.urlHost(url)).isEqualTo(host);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "www.example.XYZ, xyz", "example.com., com", "203.0.113.5, NULL", "localhost, NULL", "NULL, NULL"})
    void topLevelDomain(String host, String tld) {
        assertThat(EplFunctions.topLevelDomain(host)).isEqualTo(tld);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "http://x.example/a/setup.exe?v=2, setup.exe", "http://x.example/a/, NULL", "http://x.example, NULL",
            "/dl/tool.msi#top, tool.msi", "NULL, NULL"})
    void urlFileName(String url, String name) {
        assertThat(EplFunctions.urlFileName(url)).isEqualTo(name);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "'Application/X-MSDownload; charset=binary', application/x-msdownload", "text/html, text/html",
            "-, NULL", "'  ', NULL", "NULL, NULL"})
    void mediaType(String mime, String type) {
        assertThat(EplFunctions.mediaType(mime)).isEqualTo(type);
    }

    @ParameterizedTest
    @CsvSource({"203.0.113.5, true", "[2001:db8::1], true", "2001:db8::1, true", "example.com, false", "1.2.3, false"})
    void isIpLiteral(String host, boolean ip) {
        assertThat(EplFunctions.isIpLiteral(host)).isEqualTo(ip);
    }
}
