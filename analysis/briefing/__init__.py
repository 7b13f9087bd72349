"""What readers see: tables formatted for reading (`views`), the audit's findings for
readers (`findings`), running the notebooks (`notebooks`), and the briefing `make briefing`
writes (`build`): its messages, pages, slides and spreadsheets (see README.md here).
The top layer: it may import every other."""
