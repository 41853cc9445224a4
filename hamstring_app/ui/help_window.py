"""The help window: the user guide and the Learn guide ("About your hamstring"), rendered
from docs/*.md, searchable, opened at a section.

Links of the form ``hamstring-help:PAGE#Section title`` open it anywhere in the app (the
advice's "Why?", the welcome dialog): :func:`register_help_links` routes that scheme here.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import (
    QDesktopServices,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextImageFormat,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from hamstring_app.assets import doc_path

SCHEME = "hamstring-help"
PAGES = {"guide": "user-guide.md", "learn": "learn.md"}

#: the user guide's section for each tab (F1 opens it)
TAB_SECTIONS = {
    "checkin": "Every day: the Today tab",
    "session": "Two or three times a week: the Strength tab",
    "recovery": "Seeing progress: the Recovery tab",
}


#: the Learn guide's section behind each kind of advice (its rule id, or the id's family)
LEARN_SECTIONS = {
    "pain.red_flag": "When to see someone",
    "pain.recent_red_flag": "When to see someone",
    "pain.persistent_high": "When to see someone",
    "timeline.slower_than_expected": "When to see someone",
    "timeline": "How long recovery usually takes",
    "pain": "How running decisions are made",
    "load.fatigue": "Why it hurts: load, not short muscles",
    "load": "Why it hurts: load, not short muscles",
    "technique": "What helps: how you run",
    "strength": "What helps: strength",
}


def learn_section_for(rule_id: str) -> str:
    """The Learn guide's section that explains the advice ``rule_id``."""
    family = rule_id.split(".", 1)[0]
    return LEARN_SECTIONS.get(rule_id) or LEARN_SECTIONS.get(family) or ""


def help_url(page: str, section: str = "") -> str:
    return f"{SCHEME}:{page}" + (f"#{section}" if section else "")


def page_text(page: str) -> str:
    path = doc_path(PAGES[page])
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return f"# Help\n\nThe help file {path.name} is missing from this installation."


def headings(markdown: str) -> list[str]:
    """The section titles of a markdown page, in order (## and ###)."""
    out = []
    for line in markdown.splitlines():
        if line.startswith(("## ", "### ")):
            out.append(line.lstrip("#").strip())
    return out


def _picture_size(document: QTextDocument, name: str) -> tuple[int, int] | None:
    """A picture's own width and height, loaded as the document loads it; None if missing."""
    image = document.resource(QTextDocument.ResourceType.ImageResource.value, QUrl(name))
    if image is None or image.isNull() or image.width() <= 0:
        return None
    return image.width(), image.height()


def fit_pictures(browser: QTextBrowser) -> None:
    """Draw each picture in ``browser`` at its own size, or at the width of the text where
    that is less (its proportions kept), so that the text never scrolls sideways."""
    document = browser.document()
    room = browser.viewport().width() - 2 * document.documentMargin() - 2
    if room <= 0:
        return
    changes: list[tuple[int, int, QTextImageFormat]] = []
    block = document.begin()
    while block.isValid():
        inset = block.blockFormat().leftMargin() + block.blockFormat().rightMargin()
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.charFormat().isImageFormat():
                image = fragment.charFormat().toImageFormat()
                size = _picture_size(document, image.name())
                if size is not None:
                    width = min(float(size[0]), max(room - inset, 1.0))
                    if abs(image.width() - width) >= 1:
                        image.setWidth(width)
                        image.setHeight(size[1] * width / size[0])
                        changes.append((fragment.position(), fragment.length(), image))
            fragments += 1
        block = block.next()
    if not changes:
        return
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for position, length, image in changes:
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(image)
    cursor.endEditBlock()


class HelpText(QTextBrowser):
    """The help's text pane: its pictures follow its width (see :func:`fit_pictures`)."""

    def resizeEvent(self, event: QResizeEvent) -> None:  # the viewport's size
        super().resizeEvent(event)
        fit_pictures(self)


class HelpWindow(QWidget):
    """One window for both guides; ``show_page`` brings it up at a section."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("helpWindow")
        self.setWindowTitle(self.tr("Hamstring Coach help"))
        screen = self.screen() or QApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        # 900x680, or less on a smaller screen (leaving room for the window's frame)
        width = 900 if room is None else min(900, room.width() - 40)
        height = 680 if room is None else min(680, room.height() - 60)
        self.resize(width, height)
        self.page = ""
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.guide_button = QPushButton(self.tr("&User guide"))
        self.learn_button = QPushButton(self.tr("About your &hamstring"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search the help (Enter finds the next)"))
        self.search.setAccessibleName(self.tr("Search the help"))
        self.search.setClearButtonEnabled(True)
        bar.addWidget(self.guide_button)
        bar.addWidget(self.learn_button)
        bar.addWidget(self.search, 1)
        layout.addLayout(bar)
        self.not_found = QLabel()
        self.not_found.hide()
        layout.addWidget(self.not_found)
        split = QSplitter()
        self.contents = QListWidget()
        self.contents.setAccessibleName(self.tr("Sections"))
        # long headings wrap rather than run off the side (a large font, a small screen)
        self.contents.setWordWrap(True)
        self.contents.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.contents.setResizeMode(QListView.ResizeMode.Adjust)
        self.contents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.browser = HelpText()
        self.browser.document().setUndoRedoEnabled(False)
        self.browser.setAccessibleName(self.tr("Help text"))
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._link)
        split.addWidget(self.contents)
        split.addWidget(self.browser)
        split.setStretchFactor(1, 3)
        split.setSizes([240, 660])
        layout.addWidget(split, 1)
        self.guide_button.clicked.connect(lambda: self.show_page("guide"))
        self.learn_button.clicked.connect(lambda: self.show_page("learn"))
        self.search.returnPressed.connect(self.find_next)
        self.search.textChanged.connect(lambda _t: self.not_found.hide())
        self.contents.itemActivated.connect(lambda item: self.go_to(item.text()))
        self.contents.itemClicked.connect(lambda item: self.go_to(item.text()))
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.search.setFocus)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)

    def show_page(self, page: str, section: str = "") -> None:
        """Show ``page`` ("guide" or "learn") at ``section`` (a heading), and raise it."""
        page = page if page in PAGES else "guide"
        if page != self.page:
            text = page_text(page)
            # pictures in the page are named relative to it (screenshots/...)
            self.browser.setSearchPaths([str(doc_path(PAGES[page]).parent)])
            self.browser.setMarkdown(text)
            fit_pictures(self.browser)
            self.contents.clear()
            self.contents.addItems(headings(text))
            self.page = page
        self.guide_button.setDefault(page == "guide")
        self.learn_button.setDefault(page == "learn")
        if section:
            self.go_to(section)
        else:
            self.browser.verticalScrollBar().setValue(0)
        self.show()
        self.raise_()
        self.activateWindow()

    def go_to(self, section: str) -> bool:
        """Scroll so the heading ``section`` is at the top. False if there is none."""
        document = self.browser.document()
        cursor = document.find(section, 0, QTextDocument.FindFlag.FindCaseSensitively)
        while not cursor.isNull() and cursor.block().blockFormat().headingLevel() == 0:
            cursor = document.find(section, cursor, QTextDocument.FindFlag.FindCaseSensitively)
        if cursor.isNull():
            return False
        self.browser.setTextCursor(cursor)
        self._scroll_to(cursor.block())
        # the first time, the window is laid out (and its pictures loaded) after this:
        # place the heading again once that is done
        QTimer.singleShot(0, self, lambda: self._scroll_to(cursor.block()))
        return True

    def _scroll_to(self, block: QTextBlock) -> None:
        """Put ``block`` (a heading) at the top of the view."""
        layout = self.browser.document().documentLayout()
        top = layout.blockBoundingRect(block).top()
        bar = self.browser.verticalScrollBar()
        bar.setValue(round(top))

    def find_next(self) -> bool:
        """Find the search text after the cursor, wrapping round to the top once."""
        text = self.search.text().strip()
        if not text:
            return False
        found = self.browser.find(text)
        if not found:
            cursor = self.browser.textCursor()
            cursor.movePosition(cursor.MoveOperation.Start)
            self.browser.setTextCursor(cursor)
            found = self.browser.find(text)
        self.not_found.setText(self.tr("“%s” is not in this guide.") % text)
        self.not_found.setVisible(not found)
        return found

    def _link(self, url: QUrl) -> None:
        if url.scheme() == SCHEME:
            self.show_page(url.path(), url.fragment())
        elif url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        elif url.path().endswith(".md"):  # a link between the docs
            name = url.path().rsplit("/", 1)[-1]
            page = next((p for p, f in PAGES.items() if f == name), "guide")
            self.show_page(page, url.fragment().replace("-", " "))


class _HelpLinks(QObject):
    """Opens ``hamstring-help:`` links in the one help window."""

    def __init__(self) -> None:
        super().__init__()
        self.window: HelpWindow | None = None

    def open(self, page: str, section: str = "") -> HelpWindow:
        # a modal dialog (the welcome) blocks every other window but its own children:
        # opened from one, the help is its child window, so it can be read and scrolled
        modal = QApplication.activeModalWidget()
        # a help window that belongs to another dialog, or to one already closed, goes with
        # it: the next one belongs to the dialog in front now, or to nothing
        if self.window is not None and not shiboken6.isValid(self.window):
            self.window = None
        if self.window is not None and self.window.parent() is not modal:
            self.window.close()
            self.window.deleteLater()
            self.window = None
        if self.window is None:
            self.window = HelpWindow(modal)
            self.window.destroyed.connect(self._forget)
        self.window.show_page(page, section)
        return self.window

    def _forget(self, *_args: object) -> None:
        self.window = None

    @Slot(QUrl)
    def handle(self, url: QUrl) -> None:
        self.open(url.path(), url.fragment())


_links = _HelpLinks()


def register_help_links() -> None:
    QDesktopServices.setUrlHandler(SCHEME, _links, "handle")


def open_help(page: str = "guide", section: str = "") -> HelpWindow:
    return _links.open(page, section)
