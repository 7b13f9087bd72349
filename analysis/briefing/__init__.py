"""What readers see: tables formatted for reading (`views`), the audit's findings for
readers (`findings`), running the notebooks (`notebooks`) and the briefing page (`html`).
The top layer: it may import every other."""
