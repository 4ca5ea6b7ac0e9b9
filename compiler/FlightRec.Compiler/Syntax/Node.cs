using FlightRec.Compiler.Diagnostics;

namespace FlightRec.Compiler.Syntax;

/// <summary>
/// The abstract syntax tree shared by every pass. Nodes are immutable records; every
/// node carries the span of the source it was built from. Parse-tree types never appear
/// here: the tree is built by Parsing/AstBuilder and nothing else needs ANTLR.
/// </summary>
public abstract record Node(SourceSpan Span);
