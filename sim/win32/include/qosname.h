/* qosbed's <qosname.h>: the names of the QoS templates Windows installed, and the service
 * provider interface's template functions, with the SDK's spelling. The templates themselves are
 * not modelled: WSAGetQOSByName (<winsock2.h>) ends the program at run time, naming itself. C99
 * and C++. */
#ifndef QOSBED_WIN32_QOSNAME_H
#define QOSBED_WIN32_QOSNAME_H

#include <winsock2.h>

#define QT_1 "G711"
#define QT_2 "G723.1"
#define QT_3 "G729"
#define QT_4 "H263QCIF"
#define QT_5 "H263CIF"
#define QT_6 "H261QCIF"
#define QT_7 "H261CIF"
#define QT_8 "GSM6.10"

#define WSCINSTALL_QOS_TEMPLATE "WSCInstallQOSTemplate"
#define WSCREMOVE_QOS_TEMPLATE "WSCRemoveQOSTemplate"
#define WPUGET_QOS_TEMPLATE "WPUGetQOSTemplate"

typedef WINBOOL(WINAPI* WSC_INSTALL_QOS_TEMPLATE)(const LPGUID Guid, LPWSABUF QosName, LPQOS Qos);
typedef WINBOOL(WINAPI* WSC_REMOVE_QOS_TEMPLATE)(const LPGUID Guid, LPWSABUF QosName);
typedef WINBOOL(WINAPI* WPU_GET_QOS_TEMPLATE)(const LPGUID Guid, LPWSABUF QosName, LPQOS Qos);

#endif /* QOSBED_WIN32_QOSNAME_H */
