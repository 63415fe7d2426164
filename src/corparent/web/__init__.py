"""The shared web layer: page layout, components, navigation, glossary, home and error pages."""
