/* placeholder until the module lands */
#include "decimal.h"
