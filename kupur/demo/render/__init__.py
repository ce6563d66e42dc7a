"""HTML, feed and sitemap renderers for the three demo sites, one module per site."""
