//! Charts drawn with plotters, generic over the drawing backend so they are
//! tested natively as SVG strings.
