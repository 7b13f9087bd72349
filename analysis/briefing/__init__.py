"""What readers see: tables formatted for notebooks (`views`), running the notebooks
(`notebooks`) and the briefing page (`html`). The top layer: it may import every other."""
