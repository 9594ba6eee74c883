# Every target of the project compiles with these; CI treats warnings as errors.
add_compile_options(-Wall -Wextra -Werror)
