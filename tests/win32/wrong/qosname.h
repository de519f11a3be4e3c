/* For the win32_headers_differ_from_sdk test only: qosbed's <qosname.h>, then one value made
 * wrong, which the facts comparison must name. */
#include_next <qosname.h>
#undef QOS_NOT_SPECIFIED
#define QOS_NOT_SPECIFIED 0xFFFFFFFE
