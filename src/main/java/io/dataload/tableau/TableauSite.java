package io.dataload.tableau;

/**
 * Where a refresh signs in: the server's base URL, the site's content URL ("" for the default site),
 * the REST API version, and the personal access token. One signed-in session per site and token: a
 * personal access token allows one session at a time.
 */
public record TableauSite(String server, String site, String api, String tokenName, String tokenSecret) {

    /** The server's base URL without a trailing slash; a bare host name means https. */
    public String baseUrl() {
        String base = server.contains("://") ? server : "https://" + server;
        return base.replaceAll("/+$", "");
    }

    @Override
    public String toString() {
        return baseUrl() + (site.isEmpty() ? "" : " site " + site);
    }
}
