// The FlightRec script language (.frs), a dialect of the SystemTap language.
// Lexer and parser in one grammar; the preprocessor (compiler/.../Parsing/Preprocessor.cs)
// runs between them, so PP_* and AT_DEFINE never reach the parser.
// Regenerate the C# code with grammar/generate.sh after any change.
grammar Frs;

options { superClass = FrsParserBase; }

// ---------------------------------------------------------------- parser

script : toplevel* EOF ;

// One top-level declaration; the parse driver calls this rule in a loop so that
// it can resynchronise at the next declaration after a syntax error.
toplevelOrEnd : toplevel | EOF ;

toplevel
    : probeDecl
    | globalDecl
    | privateDecl
    | functionDecl
    | EMBEDDED
    ;

// `probe a = b, c { }` is an alias; the builder checks that only the last list
// may hold several points, as stap does.
probeDecl : PROBE probePointList (aliasOp probePointList)* block (COMMA block)? ;

aliasOp : ASSIGN | ADD_ASSIGN ;

probePointList : probePoint (COMMA probePoint)* ;

probePoint : component (DOT component)* (QUESTION | BANG)? (IF LPAREN expr RPAREN)? ;

component
    : LBRACE probePointList RBRACE                                  # braceComponent
    | namePiece ({ NextIsAdjacent() }? namePiece)* (LPAREN literal RPAREN)?   # namedComponent
    ;

namePiece : IDENT | keyword | STAR ;

keyword
    : PROBE | GLOBAL | PRIVATE | FUNCTION | IF | ELSE | FOR | FOREACH | IN | LIMIT
    | RETURN | DELETE | WHILE | BREAK | CONTINUE | NEXT | STRING_KW | LONG_KW | TRY | CATCH
    ;

literal : strings | MINUS? NUMBER ;

strings : STRING+ ;

globalDecl : GLOBAL globalVar (COMMA globalVar)* SEMI? ;

privateDecl
    : PRIVATE GLOBAL globalVar (COMMA globalVar)* SEMI?   # privateGlobal
    | PRIVATE globalVar (COMMA globalVar)* SEMI?          # privateBareGlobal
    | PRIVATE FUNCTION functionRest                       # privateFunction
    ;

globalVar : IDENT PERCENT? (LBRACKET MINUS? NUMBER RBRACKET)? (ASSIGN literal)? ;

functionDecl : FUNCTION functionRest ;

functionRest
    : IDENT (COLON typeName)? LPAREN (param (COMMA param)*)? RPAREN (COLON literal)? (block | EMBEDDED)
    ;

param : IDENT (COLON typeName)? ;

typeName : STRING_KW | LONG_KW ;

block : LBRACE statement* RBRACE ;

statement
    : SEMI                                                                   # nullStatement
    | block                                                                  # blockStatement
    | TRY block CATCH (LPAREN IDENT RPAREN)? block                           # tryStatement
    | IF LPAREN expr RPAREN statement (ELSE statement)?                      # ifStatement
    | FOR LPAREN init=expr? SEMI cond=expr? SEMI incr=expr? RPAREN statement # forStatement
    | WHILE LPAREN expr RPAREN statement                                     # whileStatement
    | FOREACH LPAREN foreachHead IN indexable foreachSlice?
        foreachAggregate? sortDirection? (LIMIT expr)? RPAREN statement      # foreachStatement
    | simpleStatement SEMI?                                                  # simple
    ;

simpleStatement
    : RETURN expr?          # returnStatement
    | DELETE expr           # deleteStatement
    | BREAK                 # breakStatement
    | CONTINUE              # continueStatement
    | NEXT                  # nextStatement
    | expr                  # exprStatement
    ;

foreachHead : (valueVar=IDENT valueSort=sortDirection? ASSIGN)? foreachKeys ;

foreachKeys
    : foreachKey
    | LBRACKET foreachKey (COMMA foreachKey)* RBRACKET
    ;

foreachKey : IDENT sortDirection? ;

foreachSlice : LBRACKET indexItem (COMMA indexItem)* RBRACKET ;

// Any @-word is accepted here so that the builder can say which ones are allowed.
foreachAggregate : atWord ;

sortDirection : PLUS | MINUS ;

indexable : IDENT | histogram ;

indexItem : STAR | expr ;

// ------------------------------------------------------------ expressions
// One rule per precedence level, lowest first, exactly as stap's recursive descent.

expr : ternary (assignOp expr)? ;

assignOp
    : ASSIGN | AGGREGATE | ADD_ASSIGN | SUB_ASSIGN | MUL_ASSIGN | DIV_ASSIGN | MOD_ASSIGN
    | SHL_ASSIGN | SHR_ASSIGN | AND_ASSIGN | XOR_ASSIGN | OR_ASSIGN | CONCAT_ASSIGN
    ;

// Before 4.0 stap read the false branch as a full expression: `c ? x = 1 : y = 2`.
ternary : logicalOr (QUESTION expr COLON ({LegacyTernaryFalseBranch}? expr | ternary))? ;

logicalOr : logicalAnd (OROR logicalAnd)* ;

logicalAnd : bitOr (ANDAND bitOr)* ;

bitOr : bitXor (PIPE bitXor)* ;

bitXor : bitAnd (CARET bitAnd)* ;

bitAnd : arrayIn (AMP arrayIn)* ;

arrayIn
    : LBRACKET indexItem (COMMA indexItem)* RBRACKET (IN indexable)?   # bracketIn
    | comparison (IN indexable)?                                       # plainIn
    ;

comparison
    : shift (regexOp strings | (comparisonOp shift)*)
    ;

regexOp : REGEX_MATCH | REGEX_NOMATCH ;

comparisonOp : LT | GT | LE | GE | EQ | NE ;

shift : concatenation (shiftOp concatenation)* ;

shiftOp : SHL | SHR | USHR ;

concatenation : additive (DOT additive)* ;

additive : multiplicative ((PLUS | MINUS) multiplicative)* ;

multiplicative : unary ((STAR | SLASH | PERCENT) unary)* ;

unary
    : (PLUS | MINUS | BANG | TILDE) unary   # prefixUnary
    | crement                               # crementUnary
    ;

crement
    : (INC | DEC) dwarfValue     # preCrement
    | dwarfValue (INC | DEC)?    # postCrement
    ;

// Values that may carry target-symbol suffixes (`->member`, `[index]`) and
// a pretty-print suffix (`$`, `$$`).
dwarfValue : AMP? value targetSuffix* ({ NextIsDollarsOnly() }? pprint=TARGETVAR)? ;

targetSuffix
    : ARROW memberName           # memberSuffix
    | LBRACKET expr RBRACKET     # indexSuffix
    ;

memberName : IDENT | keyword ;

value
    : EMBEDDED                                                        # embeddedExpr
    | LPAREN expr RPAREN                                              # parenExpr
    | strings                                                         # stringLiteral
    | NUMBER                                                          # numberLiteral
    | TARGETVAR                                                       # targetVariable
    | AT_CAST LPAREN expr COMMA strings (COMMA strings)? RPAREN       # castOp
    | AT_VAR LPAREN strings (COMMA strings)? RPAREN                   # atVarOp
    | AT_DEFINED LPAREN expr RPAREN                                   # definedOp
    | AT_ENTRY LPAREN expr RPAREN                                     # entryOp
    | AT_PROBEWRITE LPAREN IDENT RPAREN                               # probeWriteOp
    | AT_CONST LPAREN strings RPAREN                                  # constOp
    | AT_ENUM LPAREN strings RPAREN                                   # enumOp
    | AT_ENUMNAME LPAREN expr (COMMA strings (COMMA strings)?)? RPAREN  # enumNameOp
    | AT_PERF LPAREN strings RPAREN                                   # perfOp
    | (AT_KREGISTER | AT_UREGISTER) LPAREN signedNumber RPAREN        # registerOp
    | (AT_KDEREF | AT_UDEREF) LPAREN signedNumber COMMA expr RPAREN   # derefOp
    | statOpName LPAREN expr (COMMA signedNumber)* RPAREN             # statOp
    | histogram (LBRACKET expr RBRACKET)?                             # histogramValue
    | IDENT LPAREN (expr (COMMA expr)*)? RPAREN                       # call
    | IDENT LBRACKET indexItem (COMMA indexItem)* RBRACKET            # arrayElement
    | IDENT                                                           # variable
    ;

statOpName : AT_COUNT | AT_SUM | AT_MIN | AT_MAX | AT_AVG | AT_VARIANCE ;

histogram
    : AT_HIST_LINEAR LPAREN expr COMMA signedNumber COMMA signedNumber COMMA signedNumber RPAREN  # histLinear
    | AT_HIST_LOG LPAREN expr RPAREN                                                             # histLog
    ;

signedNumber : MINUS? NUMBER ;

atWord
    : AT_CAST | AT_VAR | AT_DEFINED | AT_ENTRY | AT_PROBEWRITE | AT_CONST | AT_ENUM | AT_ENUMNAME
    | AT_PERF | AT_KREGISTER | AT_UREGISTER | AT_KDEREF | AT_UDEREF | AT_COUNT | AT_SUM | AT_MIN
    | AT_MAX | AT_AVG | AT_VARIANCE | AT_HIST_LINEAR | AT_HIST_LOG
    ;

// ----------------------------------------------------------------- lexer

EMBEDDED            : '%{' ( ~'%' | '%'+ ~[%}] )* '%'+ '}' ;
UNCLOSED_EMBEDDED   : '%{' ( ~'%' | '%'+ ~[%}] )* '%'* EOF ;

PP_OPEN   : '%(' ;
PP_THEN   : '%?' ;
PP_ELSE   : '%:' ;
PP_CLOSE  : '%)' ;

PROBE     : 'probe' ;
GLOBAL    : 'global' ;
PRIVATE   : 'private' ;
FUNCTION  : 'function' ;
IF        : 'if' ;
ELSE      : 'else' ;
FOR       : 'for' ;
FOREACH   : 'foreach' ;
IN        : 'in' ;
LIMIT     : 'limit' ;
RETURN    : 'return' ;
DELETE    : 'delete' ;
WHILE     : 'while' ;
BREAK     : 'break' ;
CONTINUE  : 'continue' ;
NEXT      : 'next' ;
STRING_KW : 'string' ;
LONG_KW   : 'long' ;
TRY       : 'try' ;
CATCH     : 'catch' ;

AT_DEFINE      : '@define' ;
AT_CAST        : '@cast' ;
AT_VAR         : '@var' ;
AT_DEFINED     : '@defined' ;
AT_ENTRY       : '@entry' ;
AT_PROBEWRITE  : '@probewrite' ;
AT_CONST       : '@const' ;
AT_ENUM        : '@enum' ;
AT_ENUMNAME    : '@enumname' ;
AT_PERF        : '@perf' ;
AT_KREGISTER   : '@kregister' ;
AT_UREGISTER   : '@uregister' ;
AT_KDEREF      : '@kderef' ;
AT_UDEREF      : '@uderef' ;
AT_COUNT       : '@count' ;
AT_SUM         : '@sum' ;
AT_MIN         : '@min' ;
AT_MAX         : '@max' ;
AT_AVG         : '@avg' ;
AT_VARIANCE    : '@variance' ;
AT_HIST_LINEAR : '@hist_linear' ;
AT_HIST_LOG    : '@hist_log' ;
// Any other @-word: a macro invocation or parameter, expanded by the preprocessor.
AT_IDENT       : '@' [A-Za-z_] [A-Za-z0-9_$]* ;

// Command-line arguments, spliced by the lexer wrapper before preprocessing.
ARG_COUNT      : '$#' ;
ARG_COUNT_STR  : '@#' ;
ARG            : '$' [0-9]+ ;
ARG_STR        : '@' [0-9]+ ;

TARGETVAR : '$' ( [A-Za-z_$] [A-Za-z0-9_$]* )? ;
IDENT     : [A-Za-z_] [A-Za-z0-9_$]* ;
NUMBER    : [0-9] [A-Za-z0-9]* ;

// Escapes stay verbatim in the token; a backslash-newline is part of the string.
STRING          : '"' ( ~["\\\n] | '\\' . )* '"' ;
UNCLOSED_STRING : '"' ( ~["\\\n] | '\\' . )* ;

AGGREGATE     : '<<<' ;
USHR          : '>>>' ;
SHL_ASSIGN    : '<<=' ;
SHR_ASSIGN    : '>>=' ;
EQ            : '==' ;
NE            : '!=' ;
LE            : '<=' ;
GE            : '>=' ;
REGEX_MATCH   : '=~' ;
REGEX_NOMATCH : '!~' ;
ADD_ASSIGN    : '+=' ;
SUB_ASSIGN    : '-=' ;
MUL_ASSIGN    : '*=' ;
DIV_ASSIGN    : '/=' ;
MOD_ASSIGN    : '%=' ;
AND_ASSIGN    : '&=' ;
XOR_ASSIGN    : '^=' ;
OR_ASSIGN     : '|=' ;
CONCAT_ASSIGN : '.=' ;
ANDAND        : '&&' ;
OROR          : '||' ;
INC           : '++' ;
DEC           : '--' ;
ARROW         : '->' ;
SHL           : '<<' ;
SHR           : '>>' ;

LPAREN   : '(' ;
RPAREN   : ')' ;
LBRACKET : '[' ;
RBRACKET : ']' ;
LBRACE   : '{' ;
RBRACE   : '}' ;
COMMA    : ',' ;
SEMI     : ';' ;
COLON    : ':' ;
QUESTION : '?' ;
DOT      : '.' ;
PLUS     : '+' ;
MINUS    : '-' ;
STAR     : '*' ;
SLASH    : '/' ;
PERCENT  : '%' ;
AMP      : '&' ;
PIPE     : '|' ;
CARET    : '^' ;
BANG     : '!' ;
TILDE    : '~' ;
LT       : '<' ;
GT       : '>' ;
ASSIGN   : '=' ;

LINE_COMMENT  : ( '#' | '//' ) ~[\n]* -> skip ;
BLOCK_COMMENT : '/*' .*? ( '*/' | EOF ) -> skip ;
WS            : [ \t\r\n\u000B\f]+ -> skip ;

// Any other byte is junk; the parser reports it where it is met.
JUNK : . ;
