# Los mensajes de ecolo en español: los mismos que en.ftl, con los mismos
# marcadores (una prueba lo comprueba). Se trata al usuario de usted, como
# el documento de origen.

## Fechas y horas (formatos de chrono), tiempos relativos
format-date-time = %d/%m/%Y %H:%M %:z
format-date = %d/%m/%Y
ago-just-now = ahora mismo
ago-minutes = hace { $n } min
ago-hours = hace { $n } h
ago-days = { $n ->
    [one] hace { $n } día
   *[other] hace { $n } días
    }

## Palabras para valores que leen las personas (JSON y tuberías no cambian)
status-open = abierto
status-answered = respondido
status-customer-reply = respuesta del cliente
status-closed = cerrado
priority-low = baja
priority-medium = media
priority-high = alta
role-owner = titular
role-contact = contacto
role-staff = soporte
role-desk = servicio

## Encabezados de tablas
col-number = NÚMERO
col-status = ESTADO
col-priority = PRIORIDAD
col-category = CATEGORÍA
col-updated = ACTUALIZADO
col-subject = ASUNTO
col-slug = CLAVE
col-name = NOMBRE
col-intake = CORREO
col-description = QUÉ VA AHÍ
col-waited = ESPERA
col-account = CUENTA
col-requester = SOLICITANTE
col-assignee = ASIGNADO
waited-under-minute = <1 min
waited-minutes = { $n } min
waited-hours = { $n } h
waited-days = { $n } d

## Preguntas y lo que piden ("falta QUÉ: use OPCIÓN")
missing-value = falta { $what }: use { $flag }
prompt-not-empty = no puede quedar vacío
refuse-without-yes = { $what } sin confirmación: use --yes
what-category = la categoría
what-subject = el asunto
what-message = el mensaje
what-desk-url = la URL del servicio de soporte
what-email = el correo electrónico
confirm-hint-yes = (S/n)
confirm-hint-no = (s/N)
confirm-invalid = responda s (sí) o n (no)
what-password = la contraseña
what-note = la nota interna
what-last-answer = la última respuesta
what-assignee = a quién asignarlo

## Errores (src/cli/error.rs, src/client/error.rs)
err-cancelled = cancelado: { $what }
err-interrupted-maybe-sent = interrumpido: puede que un cambio haya llegado al servicio; compruébelo con `ecolo ticket list` antes de reintentar
err-internal = error interno ({ $what }{ $at }); por favor, infórmenos
cancel-nothing-sent = no se envió nada
cancel-nothing-changed = no se cambió nada
err-output = no se puede escribir la salida: { $reason }
err-terminal-read = no se puede leer de la terminal
err-not-logged-in = no ha iniciado sesión{ $profile }: ejecute `ecolo login` (o defina ECOLO_TOKEN)
err-profile-note = (perfil `{ $profile }`)
err-logged-in-elsewhere = la sesión guardada{ $profile } es de { $login_url }, no de { $url }: ejecute `ecolo login --url { $url }` (con --profile NOMBRE para conservar ambas), o defina ECOLO_TOKEN
err-unauthorized = el servicio rechazó las credenciales: { $problem }
err-unauthorized-login = el servicio rechazó las credenciales: { $problem }: ejecute `ecolo login`
err-bad-login = correo electrónico o contraseña incorrectos
err-forbidden = no permitido: { $problem }
err-not-found = no encontrado: { $problem }
err-rejected = el servicio rechazó la solicitud: { $problem }
err-rejected-fields = el servicio rechazó la solicitud:
err-rate-limited = el servicio está limitando las solicitudes{ $retry }: { $problem }
err-retry-after = (reintente en { $seconds } s)
err-busy = el servicio está ocupado: { $problem }; vuelva a intentarlo en un momento
err-server = el servicio falló ({ $status }): { $problem }; inténtelo más tarde
err-unreachable = no se puede conectar con el servicio en { $url }: { $reason }
err-unreachable-hint = revise la URL (--url, ECOLO_URL o `ecolo login --url`) y que el servicio esté en marcha
err-bad-response = respuesta inesperada del servicio en { $url }: { $reason }
timed-out = se agotó el tiempo de espera
download-interrupted = descarga interrumpida: { $reason }
file-cannot-read = no se puede leer { $path }
file-cannot-send = no se puede enviar el archivo

## URL del servicio
no-desk-url = falta la URL del servicio: use --url URL, defina ECOLO_URL o ejecute `ecolo login --url URL`
bad-url-flag = --url no válida: { $reason }
url-invalid = `{ $url }` no es una URL válida ({ $reason })
url-with-credentials = la URL del servicio no debe llevar usuario ni contraseña: inicie sesión con `ecolo login` o defina ECOLO_TOKEN
url-not-a-desk = `{ $url }` no es una URL del servicio: use http://SERVIDOR[:PUERTO] o https://SERVIDOR

## Categorías (-c acepta la clave, los nombres en ambos idiomas y palabras comunes)
category-unknown = categoría desconocida `{ $input }` en { $flag }
category-suggest = ¿quiso decir `{ $slug }` ({ $name })?
category-valid = use una de: { $list }
category-ambiguous = `{ $input }` en { $flag } puede ser { $list }: indique la clave

## Escribir un mensaje (ticket open, ticket reply)
message-flags = --message TEXTO o --message-file ARCHIVO (- para la entrada estándar)
message-file-unreadable = no se puede leer --message-file { $path }: { $reason }
message-stdin-unreadable = no se puede leer el mensaje de la entrada estándar
editor-template-message = Escriba el mensaje arriba. Las líneas que empiezan con # se descartan.
editor-template-reply = Escriba la respuesta arriba. Las líneas que empiezan con # se descartan.
editor-template-note = Escriba la nota interna arriba (el cliente nunca la ve). Las líneas que empiezan con # se descartan.
editor-failed = no se puede abrir el editor ($VISUAL / $EDITOR)
prompt-message-line = Mensaje (una línea; defina $EDITOR para más)
prompt-reply-line = Respuesta (una línea; defina $EDITOR para más)
prompt-note-line = Nota interna (una línea; defina $EDITOR para más)
message-empty = el mensaje está vacío: use --message TEXTO o --message-file ARCHIVO
message-too-long = el mensaje tiene { $bytes } bytes; el servicio acepta como máximo { $max } bytes (--message / --message-file)
attach-unreadable = no se puede adjuntar { $path }: { $reason }
attach-not-a-file = no se puede adjuntar { $path }: no es un archivo normal
attach-too-big = no se puede adjuntar { $path }: ocupa { $size } y el servicio acepta como máximo { $max } ({ $max_bytes } bytes) por archivo
attach-no-name = no se puede adjuntar { $path }: no tiene nombre de archivo
attach-too-many = se indicaron { $n } adjuntos; el servicio acepta como máximo { $max } por mensaje
prompt-attach = Adjuntar un archivo (ruta; vacío para terminar)

## ticket open
open-no-category-allowed = estas credenciales no pueden abrir tickets en ninguna categoría (consulte al titular de la cuenta)
open-category-not-permitted = estas credenciales no pueden abrir tickets en `{ $slug }`; solo pueden usar: { $allowed }
open-prompt-category = Categoría (↑/↓, Intro)
open-prompt-subject = Asunto
open-prompt-priority = Prioridad
open-subject-empty = el asunto está vacío: use --subject ASUNTO
open-subject-control = el asunto debe ser una sola línea sin caracteres de control (--subject)
open-subject-too-long = el asunto tiene { $chars } caracteres; el servicio acepta como máximo { $max } (--subject)
open-website-attach-now = Las actualizaciones web necesitan el texto final y las imágenes finales: adjúntelos ahora.
open-website-reminder = Recuerde: las actualizaciones web necesitan el texto final y las imágenes finales; adjúntelos con -a ARCHIVO (o responda después con `ecolo ticket reply NÚMERO -a ARCHIVO`).
summary-category = Categoría:
summary-subject = Asunto:
summary-priority = Prioridad:
summary-message = Mensaje:
summary-message-chars = { $n ->
    [one] { $n } carácter
   *[other] { $n } caracteres
    }
summary-attach = Adjunto:
open-confirm = ¿Abrir este ticket?
open-done = Ticket { $number } abierto en { $category }; sígalo con `ecolo ticket view { $number }`

## ticket list, ticket view
limit-at-least-one = --limit debe ser al menos 1
tickets-none = { $status ->
    [any] No hay tickets.
    [waiting] No hay tickets esperando al soporte.
    [active] No hay tickets activos.
    [all] No hay tickets.
    [open] No hay tickets abiertos.
    [answered] No hay tickets respondidos.
    [customer-reply] No hay tickets con respuesta del cliente.
    [closed] No hay tickets cerrados.
   *[other] No hay tickets ({ $status }).
    }
view-header = Categoría: { $category }  Prioridad: { $priority }  Asignado a: { $assignee }
view-dates = Abierto { $opened }  Actualizado { $updated }
view-message = ── { $author } por { $channel ->
        [cli] ecolo
        [email] correo
        [staff] el equipo
       *[other] { $channel }
    }, { $when }
view-message-verified = ── { $author } por { $channel ->
        [cli] ecolo
        [email] correo
        [staff] el equipo
       *[other] { $channel }
    } (verificado: { $how }), { $when }
view-attachments = Adjuntos:
view-account = Cuenta: { $account }  Solicitante: { $requester }
view-nobody = nadie
view-waiting-since = Esperando desde { $since }
view-author = { $name } <{ $email }> ({ $role })
view-author-staff = { $name } (soporte) <{ $email }>
view-author-desk = { $name } (servicio)
view-note = ── NOTA INTERNA de { $author }, { $when } (el cliente nunca la ve)
event-moved = movido de { $from } a { $to }
event-assigned = asignado a { $name }
event-unassigned = sin asignar
event-unassigned-category = sin asignar: el agente asignado no atiende { $category }
event-closed = cerrado por { $name }
event-reopened = reabierto por { $name }
event-priority = prioridad cambiada de { $from } a { $to }
event-auto-closed = cerrado por el servicio tras { $unit ->
    [days] { $n ->
        [one] { $n } día
       *[other] { $n } días
    }
    [hours] { $n ->
        [one] { $n } hora
       *[other] { $n } horas
    }
   *[other] { $n } segundos
    } sin respuesta
list-search-empty = --search está vacío: indique el texto que busca
list-and = {" "}y{" "}
list-staff-filter-only = solo el equipo de soporte puede filtrar por { $flags }; estas credenciales son de un cliente (ve los tickets de su propia cuenta: quite { $flags })

## login, logout, whoami
login-url-flags = --url URL (o defina ECOLO_URL)
login-prompt-url = URL del servicio de soporte
login-bad-url = URL del servicio no válida: { $reason }
login-no-token = --with-token: no hay ningún token en la entrada estándar
login-not-a-token = --with-token: eso no es un token de ecolo (empiezan con `{ $prefix }`)
login-prompt-email = Correo electrónico
login-prompt-password = Contraseña
login-password-flags = --password-stdin y la contraseña en la entrada estándar
login-password-empty = la contraseña está vacía (--password-stdin lee la primera línea de la entrada estándar)
login-previous-token = el token guardado antes para este perfil
profile-note = (perfil { $profile })
login-done = Sesión iniciada en { $url } como { $name } <{ $email }>{ $profile }
login-env-token-note = Nota: ECOLO_TOKEN está definido y se usa en lugar de estas credenciales.
login-type-token = Escriba el token (no se muestra) y pulse Intro:
login-type-password = Escriba la contraseña (no se muestra) y pulse Intro:
login-token-unreadable = no se puede leer el token de la entrada estándar
login-password-unreadable = no se puede leer la contraseña de la entrada estándar
logout-revoke-hint = revóquelo con `ecolo token revoke NOMBRE` (`ecolo token list` muestra los nombres)
logout-forgot-token = Se olvidó { $what } en este equipo; sigue funcionando en el servicio: { $hint }.
logout-forgot-unknown = Se olvidó { $what } en este equipo sin revocarlo en el servicio: una versión anterior de ecolo lo guardó sin anotar si venía de un inicio de sesión con contraseña o de `--with-token`. Una sesión caduca sola; un token sigue funcionando: { $hint }.
logout-not-logged-in = No hay sesión iniciada (perfil { $profile }); no hay nada que hacer.
logout-revoke-failed = Se olvidaron las credenciales locales, pero el servicio no pudo revocar la sesión.
logout-done = Sesión cerrada (perfil { $profile })
logout-stored-token = el token guardado
logout-env-token-note = Nota: ECOLO_TOKEN está definido y sigue funcionando; quítelo, o revóquelo con `ecolo token revoke NOMBRE`.
whoami-account = Cuenta:
whoami-acting-as = Actúa como:
whoami-categories = Categorías:
whoami-manage = Administra:
whoami-desk = Servicio:
whoami-profile = Perfil:
whoami-credentials = Credenciales:
whoami-all-categories = todas
whoami-stored-login = sesión guardada
whoami-manage-yes = contactos y tokens
whoami-manage-no = no (consulte al titular de la cuenta)
whoami-manage-own-tokens = sus propios tokens
whoami-role = Rol:
whoami-role-staff = soporte (el equipo de soporte: los tickets de todas las cuentas en estas categorías)

## ticket reply, close, reopen, download
ticket-number-invalid = `{ $input }` no es un número de ticket (seis cifras o más, p. ej. 482913)
reply-ticket-closed = el ticket { $number } está cerrado
reply-closed-hint = { $detail }: reábralo con `ecolo ticket reopen { $number }` o abra un ticket nuevo
reply-done = Respuesta añadida al ticket { $number }; vea la conversación con `ecolo ticket view { $number }`
ticket-closed = Ticket { $number } cerrado ({ $subject })
ticket-reopened = Ticket { $number } reabierto ({ $subject })
ticket-closed-answer = Ticket { $number } ({ $subject }) cerrado con una última respuesta

## support team: note, assign, edit, close -m
staff-only = solo el equipo de soporte puede { $what }; estas credenciales son de un cliente (escriba al soporte con `ecolo ticket reply { $number }`)
staff-what-note = añadir notas internas
staff-what-assign = asignar tickets
staff-what-edit = mover tickets o cambiar su prioridad
staff-what-close-answer = cerrar un ticket con una última respuesta (ciérrelo sin -m)
note-done = Nota interna añadida al ticket { $number }; el cliente no la ve
assign-to-empty = --to está vacío: indique el correo de un agente, @me o none
assign-prompt = Asignar a (el correo de un agente, @me o none)
assign-done = Ticket { $number } ({ $subject }) asignado a { $agent }
unassign-done = Ticket { $number } ({ $subject }) sin asignar
edit-nothing = nada que cambiar: indique -c/--category CATEGORÍA y/o -p/--priority PRIORIDAD
edit-now-category = categoría { $category }
edit-now-priority = prioridad { $priority }
edit-done = El ticket { $number } ({ $subject }) tiene ahora { $changes }
download-none = El ticket { $number } no tiene adjuntos.
download-exists = { $path } ya existe: use --force para sobrescribirlo, o --to otro directorio
download-cannot-create = no se puede crear { $path }
download-cannot-write-into = no se puede escribir en { $path }
download-cannot-write = no se puede escribir la descarga
download-damaged = { $filename } llegó dañado (SHA-256 { $digest }, se esperaba { $expected }); inténtelo de nuevo
download-cannot-save = no se puede guardar { $path }
download-cannot-chmod = no se pueden fijar los permisos de { $path }

## contact
what-name = el nombre
what-categories = las categorías
contact-category-flags = --category CATEGORÍA (repítala para varias)
contact-prompt-name = Nombre
contact-bad-email = `{ $email }` no es una dirección de correo (--email)
contact-prompt-categories = Categorías (Espacio para marcar, Intro para aceptar)
contact-pick-one = Elija al menos una categoría.
contact-added = Contacto { $email } añadido
contact-nothing-to-change = no hay nada que cambiar: use --name, --add-category, --remove-category o --language
contact-card-language = Correos del servicio en: { $language }
contact-changed = Contacto { $email } modificado
col-email = CORREO
col-categories = CATEGORÍAS
col-may-email = PUEDE ESCRIBIR A
contacts-none = Todavía no hay contactos; añada uno con `ecolo contact add`.
contact-card-categories = Categorías: { $list }
contact-card-may-email = Puede escribir a: { $list }
contact-remove-confirm = ¿Eliminar el contacto { $email }? Sus tokens dejan de funcionar de inmediato
contact-remove-refused = no se elimina el contacto { $email }
contact-removed = Contacto { $email } eliminado

## token
col-scope = ALCANCE
col-created = CREADO
col-last-used = ÚLTIMO USO
col-expires = CADUCA
token-never = nunca
tokens-none = Todavía no hay tokens; cree uno con `ecolo token create --name NOMBRE`.
token-scope-contact = contacto { $contact }: { $categories }
token-scope-contact-own = contacto { $contact }: sus categorías
token-scope-owner = titular: { $categories }
token-scope-owner-all = titular: todas las categorías
token-scope-agent = agente: { $categories }
token-scope-agent-all = agente: todas las categorías

token-expires-invalid = `{ $input }` no es una vigencia: use p. ej. 90d, 12w, 1y o never
token-expires-range = `{ $input }` son { $days } días: un token dura de 1 a { $max } días (como mucho { $years }y), o `never`
token-too-many = demasiados
what-token-name = el nombre del token
token-prompt-name = Nombre del token
token-name-empty = el nombre del token está vacío (--name)
token-created = Token { $name } creado ({ $scope }). Solo se muestra ahora: guárdelo en un lugar seguro.
token-revoke-confirm = ¿Revocar el token { $name }? Los scripts que lo usan dejan de funcionar de inmediato
token-revoke-refused = no se revoca el token { $name }
token-revoked = Token { $name } revocado

## Errores de clap al leer la línea de comandos
clap-unknown-argument = argumento inesperado '{ $arg }'
clap-invalid-subcommand = subcomando desconocido '{ $name }'
clap-invalid-value = valor no válido '{ $value }' para '{ $arg }'
clap-possible-values = [valores posibles: { $list }]
clap-value-validation = valor no válido '{ $value }' para '{ $arg }': { $reason }
clap-missing-required = faltan estos argumentos obligatorios:{ $list }
clap-conflict = el argumento '{ $arg }' no se puede usar con '{ $other }'
clap-tip = sugerencia: existe uno parecido: '{ $suggestion }'
clap-more-info = Para más información, pruebe '--help'.

## config
config-no-home = no se encuentra un directorio personal para la configuración: defina ECOLO_CONFIG_DIR
config-cannot-write = no se puede escribir { $path }
config-damaged = { $path } está dañado: corríjalo o bórrelo (y vuelva a ejecutar `ecolo login`)
config-bad-language = idioma desconocido `{ $value }` para `ecolo config set language`: use es o en
config-language-set = Idioma: { $lang }
config-language-env-wins = Nota: ECOLO_LANG está definido y tiene prioridad sobre este ajuste.
config-language-unset = el idioma no está configurado; ecolo habla { $lang } (según ECOLO_LANG o el locale)

## --help y man ecolo: códigos de salida, entorno, archivos
help-exit-codes-heading = Códigos de salida:
help-environment-heading = Entorno:
exit-0 = éxito (también cuando quien lee la salida se va: tubería rota)
exit-1 = error (el servicio falló, no se pudo leer o escribir un archivo)
exit-2 = uso: falta una opción o es incorrecta; sin terminal nunca se pregunta por un valor que falta
exit-3 = sin sesión, contraseña incorrecta o token rechazado: ejecute `ecolo login`
exit-4 = no encontrado (ticket, contacto, token, adjunto; para un agente, fuera de sus categorías)
exit-5 = no permitido: fuera de las categorías de estas credenciales, o solo para el equipo de soporte
exit-6 = rechazado por el servicio: validación, conflicto (p. ej. un ticket cerrado), demasiado grande
exit-7 = servicio inalcanzable: conexión rechazada o agotada; el mensaje indica la URL
exit-130 = cancelado en una pregunta (Ctrl-C o respondiendo que no); no se envió nada
env-url = URL del servicio, como --url
env-token = token de acceso; tiene prioridad sobre las credenciales guardadas
env-profile = nombre del perfil, como --profile (por omisión: default)
env-config-dir = dónde están config.json y credentials.json (modo 0600)
env-lang = es o en: el idioma, con prioridad sobre el ajuste y el locale
env-locale = el locale, cuando ni ECOLO_LANG ni `ecolo config set language` lo indican: es* es español, cualquier otro inglés
env-ci = con true o 1, nunca pregunta (como --no-input)
env-no-color = sin colores en las tablas
env-editor = editor para los mensajes cuando no se da --message
man-exit-status = ESTADO DE SALIDA
man-environment = ENTORNO
man-files = ARCHIVOS
man-files-text = config.json (el idioma; perfiles: URL del servicio, correo) y credentials.json (tokens, modo 0600) en ECOLO_CONFIG_DIR, o si no en el directorio de configuración de la plataforma (p. ej. ~/.config/ecolo).
