// Assembler
