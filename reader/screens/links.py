"""Opening and copying the links of the Sources & Links pane, mixed into ArticleScreen: only web
links are opened, and when no browser can be started the user is told so (and that y copies)."""

from __future__ import annotations

from textual import work

from reader.widgets.panes import OpenLink


def safe_url(url: str) -> bool:
    """Only web links are ever opened: no file:, javascript:, data: or custom schemes."""
    return url.lower().startswith(("http://", "https://"))


class OpenLinks:
    """Needs ``notify`` and ``app`` (a Screen)."""

    # A handler by name, not @on: a mixin's decorated handlers are not collected by Textual.
    def on_open_link(self, message: OpenLink) -> None:
        link = message.link
        if link is None:
            self.notify("Select a numbered link first", severity="warning")
            return
        if not safe_url(link.url):
            self.notify("Only http and https links are opened", severity="error")
            return
        if message.copy:
            self.app.copy_to_clipboard(link.url)
            self.notify(f"Copied {link.url}", timeout=3)
        elif getattr(self.app._driver, "is_web", False):
            self.app.open_url(link.url)  # served in a web page: the page's browser opens it
        else:
            self.open_in_browser(link.url)

    @work(thread=True, group="browser", exit_on_error=False)
    def open_in_browser(self, url: str) -> None:
        """Open ``url`` in the web browser, and say so when none can be started (then y copies it)."""
        import webbrowser

        try:
            browser = webbrowser.get()
        except webbrowser.Error:
            browser = None
        # A text browser (lynx, w3m) would take this very terminal over: as good as none here.
        if browser is None or type(browser) is webbrowser.GenericBrowser:
            message, severity = "No web browser can be started here; press y to copy the link", "warning"
        elif browser.open(url):
            message, severity = f"Opened {url} in the browser", "information"
        else:
            message, severity = "The web browser could not be started; press y to copy the link", "warning"
        self.app.call_from_thread(self.notify, message, severity=severity, timeout=5)
